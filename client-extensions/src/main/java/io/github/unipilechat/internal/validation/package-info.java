/**
 * The rules a request must meet before it is sent, read from the spec model for any operation: parameters
 * ({@link io.github.unipilechat.internal.validation.ParameterCheck}), the body against its schema on the one engine
 * ({@link io.github.unipilechat.internal.validation.RequestCheck}) and the {@code anyOf} branch a value belongs to
 * ({@link io.github.unipilechat.internal.validation.AnyOfResolver}). The contract kit runs the same rules on what it
 * decodes off the wire.
 *
 * <p><b>Not API.</b> Plumbing of this project's own modules; it may change in any release without notice.
 */
package io.github.unipilechat.internal.validation;
