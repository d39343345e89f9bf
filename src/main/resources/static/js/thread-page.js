// The thread page opens where the reader left off: at the first message they have not read,
// or else with the reply box (or the close request's question to the student) in view and
// the newest messages just above it, so that on a phone nobody scrolls through the history
// to answer. A link to a part of the page (#...) is left to the browser. The close request's
// "I still need help" leads to the reply box, whose reply reopens the thread.
(function () {
	'use strict';
	// "I still need help": to the reply box, ready to type (the link alone only scrolls)
	var stillNeedHelp = document.getElementById('close-prompt-no');
	var box = document.getElementById('content');
	if (stillNeedHelp && box) {
		stillNeedHelp.addEventListener('click', function (event) {
			event.preventDefault();
			box.scrollIntoView({ block: 'center' });
			box.focus();
		});
	}
	var messages = document.getElementById('messages');
	if (messages && 'scrollRestoration' in window.history) {
		// where the page opens is decided here, not by where it was last left
		window.history.scrollRestoration = 'manual';
	}
	if (!messages || window.location.hash) {
		return;
	}
	var unread = messages.querySelector('li.message.unread');
	if (unread) {
		unread.scrollIntoView({ block: 'start' });
		return;
	}
	var items = messages.querySelectorAll('li.message, li.note');
	var end = document.getElementById('close-prompt') || document.getElementById('reply-form')
			|| items[items.length - 1];
	if (end) {
		end.scrollIntoView({ block: 'end' });
	}
}());
