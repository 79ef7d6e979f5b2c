package io.github.unipilechat.internal.startchat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.errors.InvalidRequestException.Violation;
import io.github.unipilechat.errors.InvalidRequestException;
import io.github.unipilechat.internal.spec.SpecModel;
import io.github.unipilechat.internal.validation.RequestCheck;
import java.util.List;
import java.util.Set;

/**
 * Checks a start-chat request against the provider's own schema before anything is sent, so a constraint
 * the provider adds upstream is enforced after a rebuild. The rules are the bundled {@link SpecModel}'s, the same
 * the contract kit's mock server and {@code verify-pact} apply, in the same words.
 */
public final class RequestRules {
  private RequestRules() {}

  /**
   * Checks a whole request, refusing also what the spec does not describe (see {@link #check(ObjectNode, Set,
   * boolean)}).
   *
   * @throws InvalidRequestException naming every finding
   */
  public static void check(ObjectNode form, Set<String> filesGiven) {
    check(form, filesGiven, false);
  }

  /**
   * Checks a whole request against the spec's form schema: {@code form} holds every non-file field shaped as the
   * spec's JSON (text fields as strings, or the number/boolean their schema asks for; arrays; objects), and
   * {@code filesGiven} names the file fields that carry at least one file (their presence is all JSON can say).
   *
   * @param acceptNotDescribed true to let through what the spec does not describe ({@link Violation.Kind#NOT_DESCRIBED})
   * @throws InvalidRequestException naming every finding refused
   */
  public static void check(ObjectNode form, Set<String> filesGiven, boolean acceptNotDescribed) {
    refuse(RequestCheck.refused(StartChat.check().check(form, filesGiven), acceptNotDescribed));
  }

  /**
   * Checks options shaped like the spec's {@code linkedin} field against the rules the spec states, in one pass.
   * What it does not describe is left to {@link #check(ObjectNode, Set, boolean)}, where the request's switch
   * decides.
   *
   * @return whether the options hold only what the spec describes (then they fit a typed model)
   * @throws InvalidRequestException naming every broken rule
   */
  public static boolean checkLinkedIn(JsonNode linkedIn) {
    List<Violation> found = StartChat.check().checkLinkedIn(linkedIn);
    refuse(RequestCheck.refused(found, true));
    return found.stream().noneMatch(v -> v.kind() == Violation.Kind.NOT_DESCRIBED);
  }

  private static void refuse(List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
  }
}
