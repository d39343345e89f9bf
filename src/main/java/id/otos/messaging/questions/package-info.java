/**
 * otos's questions, on a database otos-messaging shares with Django: read a question a
 * student may report (the one rule of which questions a student may see), its text and
 * choices through one HTML policy, and its explanation written with an audit trail.
 * Without otos's tables (standalone schools) there are no questions and nothing here
 * answers.
 */
package id.otos.messaging.questions;
