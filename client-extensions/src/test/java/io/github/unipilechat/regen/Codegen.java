package io.github.unipilechat.regen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.unipilechat.internal.startchat.ProviderSpec;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.CodegenConfig;
import org.openapitools.codegen.CodegenConstants;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.config.GlobalSettings;
import org.openapitools.codegen.utils.ModelUtils;

/**
 * Regenerates the client from a (mutated) copy of the spec, with the very settings client-generated/pom.xml
 * uses: both read client-generated/openapi-generator.yaml, so a test cannot drift from the build.
 */
public final class Codegen {
  /** The generator settings file, relative to this module (surefire runs in the module's directory). */
  public static final Path CONFIG = Path.of("..", "client-generated", "openapi-generator.yaml");
  /** The build's fix-up of the generator's input (client-generated/pom.xml runs it before the generator too). */
  public static final Path INPUT_FIXUP = Path.of("..", "codegen", "CodegenInput.java");

  static {
    // The generator logs every file it writes; the build's own run is quiet, and so is this one.
    System.setProperty("org.slf4j.simpleLogger.log.org.openapitools", "warn");
  }

  private Codegen() {}

  /**
   * Generates the API interface, the models and the supporting files the pom keeps, then compiles them.
   *
   * @param packagePrefix null for the build's own packages, or another root (e.g. "regen") to keep both apart
   * @return the directory of compiled classes, which also holds the spec at {@link ProviderSpec#RESOURCE}
   */
  public static Path regenerate(JsonNode spec, Path work, String packagePrefix, boolean models, boolean apis) {
    try {
      Files.createDirectories(work);
      Path specFile = work.resolve("openapi.json");
      new ObjectMapper().writeValue(specFile.toFile(), spec);
      Path out = work.resolve("generated");
      Path input = work.resolve("codegen-input.json");
      fixUp(specFile, input);
      CodegenConfigurator config = CodegenConfigurator.fromFile(CONFIG.toString())
          .setInputSpec(input.toString()).setOutputDir(out.toString()).setValidateSpec(false);
      if (packagePrefix != null) {
        config.setModelPackage(packagePrefix + ".model").setApiPackage(packagePrefix + ".api")
            .setInvokerPackage(packagePrefix);
      }
      GlobalSettings.setProperty(CodegenConstants.MODELS, models ? "" : "false");
      GlobalSettings.setProperty(CodegenConstants.APIS, apis ? "" : "false");
      GlobalSettings.setProperty(CodegenConstants.SUPPORTING_FILES, apis ? "CollectionFormats.java,StringUtil.java" : "false");
      GlobalSettings.setProperty(CodegenConstants.MODEL_TESTS, "false");
      GlobalSettings.setProperty(CodegenConstants.MODEL_DOCS, "false");
      GlobalSettings.setProperty(CodegenConstants.API_TESTS, "false");
      GlobalSettings.setProperty(CodegenConstants.API_DOCS, "false");
      try {
        new DefaultGenerator().opts(config.toClientOptInput()).generate();
      } finally {
        GlobalSettings.reset();
      }
      Path classes = Files.createDirectories(work.resolve("classes"));
      List<String> sources;
      try (Stream<Path> files = Files.walk(out)) {
        sources = files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      int status = javac.run(null, null, null, Stream.concat(
          Stream.of("-d", classes.toString(), "-cp", testClassPath(), "-proc:none", "-nowarn", "-Xlint:none"),
          sources.stream()).toArray(String[]::new));
      assertThat(status).as("the regenerated client compiles").isZero();
      Path bundled = classes.resolve(ProviderSpec.RESOURCE.substring(1));
      Files.createDirectories(bundled.getParent());
      Files.copy(specFile, bundled);
      return classes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The simple name of the model class the build generates for each response schema of every operation of
   * {@code spec}, read from the generator itself (its normalizer and inline-model naming, with the build's
   * settings), not guessed from titles or operation ids.
   */
  @SuppressWarnings("deprecation") // ClientOptInput's getters: the one way to the generator's config and document
  public static Set<String> responseModels(JsonNode spec, Path work) {
    try {
      Files.createDirectories(work);
      Path specFile = work.resolve("openapi.json");
      new ObjectMapper().writeValue(specFile.toFile(), spec);
      Path input = work.resolve("codegen-input.json");
      fixUp(specFile, input);
      ClientOptInput options = CodegenConfigurator.fromFile(CONFIG.toString())
          .setInputSpec(input.toString()).setOutputDir(work.resolve("unused").toString()).setValidateSpec(false)
          .toClientOptInput();
      // A run that writes no code (a VERSION file under work/): the generator normalizes the document and names its inline schemas
      // (models, APIs and supporting files are filtered to none, as regenerate() filters them to some).
      GlobalSettings.setProperty(CodegenConstants.MODELS, "false");
      GlobalSettings.setProperty(CodegenConstants.APIS, "false");
      GlobalSettings.setProperty(CodegenConstants.SUPPORTING_FILES, "false");
      try {
        new DefaultGenerator().opts(options).generate();
      } finally {
        GlobalSettings.reset();
      }
      CodegenConfig config = options.getConfig();
      OpenAPI api = options.getOpenAPI();
      Set<String> models = new TreeSet<>();
      api.getPaths().values().forEach(item -> item.readOperations().forEach(operation ->
          operation.getResponses().values().forEach(response -> {
            if (response.getContent() != null) {
              response.getContent().values().forEach(media -> {
                String ref = media.getSchema() == null ? null : media.getSchema().get$ref();
                if (ref != null) {
                  models.add(config.toModelName(ModelUtils.getSimpleRef(ref)));
                }
              });
            }
          })));
      return models;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the build's CodegenInput on {@code spec}, as client-generated/pom.xml does. */
  private static void fixUp(Path spec, Path input) throws IOException {
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", testClassPath(), INPUT_FIXUP.toString(), spec.toString(), input.toString())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readNBytes(64 * 1024), StandardCharsets.UTF_8);
    try {
      assertThat(process.waitFor()).as("CodegenInput.java: %s", output).isZero();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null ? surefire : System.getProperty("java.class.path");
  }
}
