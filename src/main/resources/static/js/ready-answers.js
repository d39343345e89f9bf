// Ready answers on a thread page: choosing one in the reply form's list adds its text (its
// placeholders already filled in by the server, in the option's data-text) to the reply box,
// to be changed before sending. Without JavaScript the "insert" button does the same by
// showing the form again from the server; nothing is sent either way.
(function () {
	'use strict';
	var select = document.getElementById('ready-answer');
	var box = select ? document.getElementById(select.getAttribute('data-target')) : null;
	if (!select || !box) {
		return;
	}
	select.addEventListener('change', function () {
		var option = select.options[select.selectedIndex];
		var text = option ? option.getAttribute('data-text') : null;
		if (!text) {
			return;
		}
		var typed = box.value.replace(/\s+$/, '');
		box.value = typed ? typed + '\n\n' + text : text;
		select.selectedIndex = 0;
		box.focus();
	});
}());
