package io.github.unipilechat.regen;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Loads the project's own classes ({@code io.github.unipilechat.*}: the regenerated client, the unchanged
 * hand-written extensions, a test driver) and the bundled spec from its own directories first; everything else
 * (OkHttp, Retrofit, Jackson, JUnit) comes from the test's class path. So the real client runs against the
 * regenerated code and the mutated spec, exactly as after a rebuild.
 */
public final class ChildFirstLoader extends URLClassLoader {
  private static final String OWN = "io.github.unipilechat.";

  public ChildFirstLoader(ClassLoader parent, Path... roots) {
    super(urls(roots), parent);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!name.startsWith(OWN)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        loaded = findClass(name);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  @Override
  public URL getResource(String name) {
    URL own = findResource(name);
    return own != null ? own : super.getResource(name);
  }

  @Override
  public InputStream getResourceAsStream(String name) {
    URL url = getResource(name);
    try {
      return url == null ? null : url.openStream();
    } catch (IOException e) {
      return null;
    }
  }

  private static URL[] urls(Path... roots) {
    URL[] urls = new URL[roots.length];
    for (int i = 0; i < roots.length; i++) {
      try {
        urls[i] = roots[i].toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException(e);
      }
    }
    return urls;
  }
}
