/**
 * The request checks run before sending, on the spec bundled in the jar.
 *
 * <p><b>Not API.</b> Plumbing of this project's own modules; it may change in any release without notice.
 * {@code StartChatRequest.Builder#build()} runs these checks and throws {@code InvalidRequestException}.
 */
package io.github.unipilechat.internal.validation;
