// Refuses a file that is too large before it is uploaded, for every file input with
// data-max-bytes, showing data-too-large in the element named by data-error-target. The
// server checks again (and decides the type by the content); this only spares a long upload,
// and a file above the server's multipart limit, which could not be answered with a message.
(function () {
	'use strict';
	Array.prototype.forEach.call(document.querySelectorAll('input[type=file][data-max-bytes]'), function (input) {
		var message = document.getElementById(input.getAttribute('data-error-target'));
		var maxBytes = Number(input.getAttribute('data-max-bytes'));
		if (!message || !input.form || !(maxBytes > 0)) {
			return;
		}
		function show() {
			var refuse = input.files && input.files.length > 0 && input.files[0].size > maxBytes;
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
	});
})();
