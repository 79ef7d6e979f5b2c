package io.github.unipilechat.multipart;

import io.github.unipilechat.files.Attachment;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/** One multipart field as the provider reads it: a named text value or a named file. */
public sealed interface FormPart permits FormPart.Text, FormPart.File {
  MediaType TEXT_UTF8 = MediaType.get("text/plain; charset=UTF-8");

  String name();

  /** The part OkHttp writes; OkHttp escapes quotes and line breaks in names, so none can split the body. */
  MultipartBody.Part toOkHttp();

  record Text(String name, String value) implements FormPart {
    public Text {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public MultipartBody.Part toOkHttp() {
      return MultipartBody.Part.createFormData(name, null, RequestBody.create(value, TEXT_UTF8));
    }
  }

  record File(String name, Attachment attachment) implements FormPart {
    public File {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(attachment, "attachment");
    }

    @Override
    public MultipartBody.Part toOkHttp() {
      return MultipartBody.Part.createFormData(name, attachment.fileName(), attachment.toRequestBody());
    }
  }
}
