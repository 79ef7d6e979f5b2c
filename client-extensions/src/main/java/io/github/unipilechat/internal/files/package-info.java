/**
 * Not API: what an attachment needs below the public {@code files} package: content-type checks and the failure of a
 * local source read before anything was sent.
 */
package io.github.unipilechat.internal.files;
