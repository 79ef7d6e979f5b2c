/**
 * Not API: the client's plumbing (transport and interceptors, the retry engine and outcome classifier, the multipart
 * encoder, header and text helpers). Public only so the project's other modules (contract kit, CLI, benchmarks) can
 * share it; anything here may change or vanish in any release without notice. Like OkHttp's {@code okhttp3.internal},
 * it is left out of the committed API dump ({@code api/unipile-chat.api}).
 */
package io.github.unipilechat.internal;
