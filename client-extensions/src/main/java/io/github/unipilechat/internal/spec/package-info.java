/**
 * The one model of the provider's OpenAPI document that the client and the contract kit both read: the form's
 * fields and kinds, the {@code anyOf} branch choice, the request rules on one schema engine (networknt), the error
 * types, the documented statuses and the response schemas.
 *
 * <p><b>Not API.</b> This package is plumbing shared by this project's own modules (the client and the contract kit
 * depend on it); it may change in any release without notice. Use {@code StartChatRequest}, {@code ErrorType} and
 * the contract kit's {@code SpecValidator} instead.
 */
package io.github.unipilechat.internal.spec;
