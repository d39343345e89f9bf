package id.otos.messaging.categories.web;

import jakarta.validation.constraints.NotNull;

/**
 * The teacher to assign to a category.
 */
record TeacherAssignmentForm(@NotNull(message = "{category.teacher.choose}") Long teacherId) {

}
