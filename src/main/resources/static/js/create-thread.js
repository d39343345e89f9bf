// The teacher list offers only the teachers of the chosen category; the server checks it too.
(function () {
	var category = document.getElementById('category');
	var teacher = document.getElementById('teacher');
	var type = document.getElementById('thread_type');
	if (!category || !teacher || !type) {
		return;
	}
	function update() {
		var academic = type.value === 'academic';
		category.disabled = !academic;
		teacher.disabled = !academic;
		Array.prototype.forEach.call(teacher.querySelectorAll('optgroup'), function (group) {
			var show = group.getAttribute('data-category') === category.value;
			group.hidden = !show;
			group.disabled = !show;
		});
		var selected = teacher.options[teacher.selectedIndex];
		if (selected && selected.parentElement.tagName === 'OPTGROUP' && selected.parentElement.disabled) {
			teacher.value = '';
		}
	}
	category.addEventListener('change', update);
	type.addEventListener('change', update);
	update();
})();
