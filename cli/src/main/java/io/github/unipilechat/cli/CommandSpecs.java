package io.github.unipilechat.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The commands' picocli models, declared with picocli's programmatic API rather than its annotations: reading
 * annotations costs a cold JVM more than the rest of a short command (each annotation type is a proxy class made
 * at run time, then every field is reflected on), and every run of {@code ./unipile-chat} is a cold JVM. Parsing,
 * validation, usage help and error messages are picocli's own, as with annotations.
 */
final class CommandSpecs {
  private CommandSpecs() {}

  /** A command named {@code name} running {@code command}, with the two options {@code mixinStandardHelpOptions} adds. */
  static CommandSpec command(Object command, String name, String... description) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name).versionProvider(new Version());
    spec.usageMessage().description(description);
    return spec;
  }

  /** Adds {@code -h/--help} and {@code -V/--version} last, worded as picocli's {@code mixinStandardHelpOptions}. */
  static CommandSpec withStandardHelpOptions(CommandSpec spec) {
    return spec
        .addOption(OptionSpec.builder("-h", "--help").usageHelp(true).descriptionKey("mixinStandardHelpOptions.help")
            .description("Show this help message and exit.").build())
        .addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
            .descriptionKey("mixinStandardHelpOptions.version").description("Print version information and exit.").build());
  }

  /** A flag: false unless given. */
  static OptionSpec flag(String name, String... description) {
    return OptionSpec.builder(name).type(boolean.class).initialValue(false).description(description).build();
  }

  /** An option taking one value of {@code type}, shown as {@code <label>} in the usage. */
  static OptionSpec.Builder option(String name, Class<?> type, String label, String... description) {
    return OptionSpec.builder(name).type(type).paramLabel(label).description(description);
  }

  /** A repeatable option collecting values of {@code type}. */
  static OptionSpec.Builder repeatable(String name, Class<?> type, String label, String... description) {
    return OptionSpec.builder(name).type(List.class).auxiliaryTypes(type).paramLabel(label).description(description);
  }

  /** The parsed value of an option (its initial value, or null, when not given). */
  static <T> T value(CommandSpec spec, String name) {
    return spec.findOption(name).getValue();
  }

  /** The parsed values of a repeatable option; empty when not given. */
  static <T> List<T> values(CommandSpec spec, String name) {
    List<T> values = spec.findOption(name).getValue();
    return values == null ? List.of() : values;
  }
}
