/**
 * The form as the spec describes it: each field's name, kind and place, the {@code anyOf} branch a LinkedIn option
 * set belongs to, its bracket-named parts, and the generated method found by its path.
 *
 * <p><b>Not API.</b> Plumbing of this project's own modules; it may change in any release without notice. Use
 * {@code StartChatRequest} and {@code LinkedInOptions} instead.
 */
package io.github.unipilechat.internal.form;
