package io.github.unipilechat.apidump;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Negative controls for the API dump: a changed member shows with its type, internal packages never show. */
class ApiDumpTest {
  @Test
  void aMemberRemovedFromOneTypeShowsEvenWhenAnotherTypeHasTheSameLine() {
    String before = "public class a.A {\n  public <init>(int)\n}\n\npublic class a.B {\n  public <init>(int)\n}\n";
    String after = "public class a.A {\n}\n\npublic class a.B {\n  public <init>(int)\n}\n";

    assertThat(ApiDump.diff(before, after)).isEqualTo("- public class a.A :: public <init>(int)\n");
  }

  @Test
  void aTypeAddedShowsWithItsMembers() {
    String after = "public class a.A {\n  public void run()\n}\n";

    assertThat(ApiDump.diff("", after)).isEqualTo("+ public class a.A\n+ public class a.A :: public void run()\n");
  }

  @Test
  void theDumpListsPublicTypesButNoInternalPackage() {
    String dump = ApiDump.dump(Path.of("target", "classes"));

    assertThat(dump).isNotEmpty().doesNotContain(".internal.").contains("public ");
  }
}
