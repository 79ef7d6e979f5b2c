package io.github.unipilechat.internal.spec;

import com.networknt.schema.DisallowUnknownJsonMetaSchemaFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.resource.DisallowSchemaLoader;
import java.util.function.Consumer;

/**
 * The project's one schema engine (networknt, draft 4 as OpenAPI 3.0 uses), set up never to load anything: every
 * schema it compiles comes from a document already read, so a reference, an {@code id} or a {@code $schema} naming
 * a URL or a file is an error at compile time, never a fetch. {@link SpecDocument} refuses {@code $ref}s that leave
 * the document before any compile; this is the second lock, for what that check does not read ({@code id}, {@code
 * $schema}).
 */
public final class SchemaEngine {
  private SchemaEngine() {}

  /** A draft 4 factory that loads nothing; {@code customize} adds meta-schemas or keywords first. */
  public static JsonSchemaFactory draft4(Consumer<JsonSchemaFactory.Builder> customize) {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> {
      customize.accept(builder);
      // Tried before the engine's own loaders (classpath, then any URL): it refuses every address.
      builder.schemaLoaders(loaders -> loaders.add(DisallowSchemaLoader.getInstance()))
          .metaSchemaFactory(DisallowUnknownJsonMetaSchemaFactory.getInstance());
    });
  }
}
