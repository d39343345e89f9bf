// Refuses a profile picture that is too large before it is uploaded. The server checks
// again (and decides the type by the content); this only spares a long upload, and a
// file above the server's multipart limit, which could not be answered with a message.
(function () {
	'use strict';
	var input = document.getElementById('picture');
	var message = document.getElementById('picture-client-error');
	if (!input || !message || !input.form) {
		return;
	}
	var maxBytes = Number(input.getAttribute('data-max-bytes'));
	function tooLarge() {
		return maxBytes > 0 && input.files && input.files.length > 0 && input.files[0].size > maxBytes;
	}
	function show() {
		var refuse = tooLarge();
		message.textContent = refuse ? input.getAttribute('data-too-large') : '';
		message.hidden = !refuse;
		input.classList.toggle('invalid', refuse);
		return refuse;
	}
	input.addEventListener('change', show);
	input.form.addEventListener('submit', function (event) {
		if (show()) {
			event.preventDefault();
		}
	});
})();
