/**
 * Text rules shared by every feature (what a one-line text may hold); it depends on
 * nothing.
 */
package id.otos.messaging.text;
