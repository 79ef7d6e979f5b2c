package io.github.unipilechat.internal.form;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import retrofit2.Call;
import retrofit2.http.Multipart;
import retrofit2.http.POST;
import retrofit2.http.Part;

/**
 * The generated Retrofit method for one multipart endpoint, found by its path, and the one slot of it that can carry
 * ready-made parts. Bound by annotation and type, never by argument position or count.
 *
 * @param method the generated interface method
 * @param partSlot the index of a {@code @Part MultipartBody.Part} (or {@code @Part RequestBody}) parameter
 */
public record GeneratedCall(Method method, int partSlot) {

  /**
   * The {@code @Multipart @POST} method of {@code api} for {@code path} returning {@code Call<responseType>}.
   *
   * @throws IllegalStateException when the generated interface has none, several, or no part slot
   */
  public static GeneratedCall find(Class<?> api, String path, Class<?> responseType) {
    String wanted = strip(path);
    List<Method> matching = Arrays.stream(api.getMethods())
        .filter(m -> m.isAnnotationPresent(Multipart.class) && m.isAnnotationPresent(POST.class))
        .filter(m -> strip(m.getAnnotation(POST.class).value()).equals(wanted))
        .filter(m -> m.getReturnType() == Call.class)
        .filter(m -> m.getGenericReturnType().getTypeName().contains(responseType.getName()))
        .toList();
    if (matching.size() != 1) {
      throw new IllegalStateException("expected one @Multipart @POST(\"" + wanted + "\") method returning Call<"
          + responseType.getSimpleName() + "> in " + api.getName() + ", found " + matching.size());
    }
    Method method = matching.get(0);
    Parameter[] parameters = method.getParameters();
    int slot = -1;
    for (int i = 0; i < parameters.length && slot < 0; i++) {
      if (parameters[i].isAnnotationPresent(Part.class) && parameters[i].getType() == MultipartBody.Part.class) {
        slot = i;
      }
    }
    for (int i = 0; i < parameters.length && slot < 0; i++) {
      if (parameters[i].isAnnotationPresent(Part.class) && parameters[i].getType() == RequestBody.class) {
        slot = i;
      }
    }
    if (slot < 0) {
      throw new IllegalStateException(method + " has no @Part MultipartBody.Part or RequestBody parameter to carry the parts");
    }
    return new GeneratedCall(method, slot);
  }

  /** {@code group} as the slot's type wants it: the part itself, or its body (Retrofit then names the part). */
  public Object wrap(MultipartBody.Part group) {
    return method.getParameterTypes()[partSlot] == RequestBody.class ? group.body() : group;
  }

  private static String strip(String path) {
    String stripped = path.startsWith("/") ? path.substring(1) : path;
    return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
  }
}
