/**
 * Not API: how text from outside is shown: one line, bounded, control characters escaped, and the API key in every
 * spelling it may take (raw, JSON- or URL-escaped, base64) redacted. The lowest layer; it imports nothing of ours.
 * Like OkHttp's {@code okhttp3.internal}, every {@code internal} package is public only so the project's other
 * modules (contract kit, CLI, benchmarks) can share it, may change in any release, and is left out of the API dump.
 */
package io.github.unipilechat.internal.text;
