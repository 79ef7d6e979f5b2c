/**
 * A request body as the spec describes it, for any operation: each field's name, kind and place, the {@code anyOf}
 * branches of a shape, and the bracket-named parts an object becomes on a multipart form.
 *
 * <p><b>Not API.</b> Plumbing of this project's own modules; it may change in any release without notice.
 */
package io.github.unipilechat.internal.form;
