package io.github.unipilechat.cli;

import picocli.CommandLine.IVersionProvider;

final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Main.class.getPackage().getImplementationVersion();
    return new String[] {"unipile-chat " + (version == null ? "(development build)" : version)};
  }
}
