package io.github.unipilechat.regen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.unipilechat.StartChatRequest;
import io.github.unipilechat.internal.startchat.ProviderSpec;
import io.github.unipilechat.wire.CapturedForm;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a provider update does with no hand edit: each test changes a copy of the spec (never openapi/), the client
 * is regenerated with the build's settings and compiled, and the unchanged hand-written client runs on top of it
 * (loaded child-first with the mutated spec as its bundled document). Assertions are on the captured wire bytes
 * or the parsed error. Nothing here lists the spec's current fields or shapes: each test names only what it adds.
 */
class SpecMutationTest {
  private static final String FORM = "/paths/~1api~1v1~1chats/post/requestBody/content/multipart~1form-data/schema";
  private static final String LINKEDIN_BRANCHES = FORM + "/properties/linkedin/anyOf";
  private static final String CREATED = "{\"object\":\"ChatStarted\",\"chat_id\":\"c\",\"message_id\":\"m\"}";
  private static final List<String> BASE = List.of("account:acc_1", "attendee:ACoAAB1");
  private static final Map<String, ClassLoader> WORLDS = new ConcurrentHashMap<>();

  @TempDir static Path temp;
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start(0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void anAddedOptionalTopLevelFieldIsSentByName() throws Exception {
    ClassLoader world = world("added-field", spec -> form(spec).withObjectProperty("properties").putObject("campaign_id")
        .put("type", "string").put("description", "Added upstream."));

    CapturedForm sent = send(world, steps("text:Hello", "field:campaign_id=cmp_7"));

    assertThat(sent.text("campaign_id")).isEqualTo("cmp_7");
    assertThat(sent.text("text")).isEqualTo("Hello");
    assertThat(sent.text("account_id")).isEqualTo("acc_1");
  }

  @Test
  void anUnknownFieldNameIsRefusedNamingTheSpecsFields() throws Exception {
    ClassLoader world = world("added-field", spec -> form(spec).withObjectProperty("properties").putObject("campaign_id")
        .put("type", "string").put("description", "Added upstream."));

    String outcome = run(world, null, steps("field:campain_id=cmp_7"));

    assertThat(outcome).startsWith("InvalidRequestException").contains("campain_id").contains("campaign_id");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void reorderedPropertiesStillReachTheirOwnParts() throws Exception {
    ClassLoader world = world("reordered", spec -> {
      ObjectNode properties = (ObjectNode) form(spec).get("properties");
      ObjectNode reordered = properties.objectNode();
      reordered.set("subject", properties.get("subject"));
      properties.properties().forEach(p -> reordered.set(p.getKey(), p.getValue()));
      form(spec).set("properties", reordered);
    });

    CapturedForm sent = send(world, steps("text:the body", "subject:the subject"));

    assertThat(sent.text("text")).isEqualTo("the body");
    assertThat(sent.text("subject")).isEqualTo("the subject");
    assertThat(sent.names().indexOf("subject")).as("the spec's order is the wire's").isLessThan(sent.names().indexOf("text"));
  }

  @Test
  void aFourthLinkedInShapeWorksThroughJsonAndTheGenericEntry() throws Exception {
    ClassLoader world = world("fourth-shape", SpecMutationTest::addPartnerShape);

    CapturedForm fromJson = send(world, steps("linkedin:{\"partner_id\":\"p_1\",\"api\":\"partner\"}"));
    CapturedForm fromModel = send(world, steps("model:PartnerOptions:{\"partner_id\":\"p_1\"}"));

    assertThat(fromJson.text("linkedin[api]")).isEqualTo("partner");
    assertThat(fromJson.text("linkedin[partner_id]")).isEqualTo("p_1");
    assertThat(fromModel.names()).isEqualTo(fromJson.names());
    assertThat(fromModel.text("linkedin[api]")).isEqualTo("partner");
  }

  @Test
  void theFourthShapesRequiredFieldIsEnforced() throws Exception {
    ClassLoader world = world("fourth-shape", SpecMutationTest::addPartnerShape);

    assertThat(run(world, null, steps("linkedin:{\"api\":\"partner\"}")))
        .startsWith("InvalidRequestException").contains("linkedin.partner_id: is required");
  }

  @Test
  void aFieldAddedInsideRecruiterIsSentEitherWayInOneOrder() throws Exception {
    ClassLoader world = world("recruiter-field", spec -> recruiter(spec).withObjectProperty("properties").putObject("priority")
        .put("type", "string"));

    CapturedForm fromJson = send(world, steps("linkedin:{\"priority\":\"high\",\"signature\":\"Jane\",\"api\":\"recruiter\"}"));
    CapturedForm typed = send(world, steps("recruiter:{\"signature\":\"Jane\",\"priority\":\"high\"}"));

    assertThat(fromJson.text("linkedin[priority]")).isEqualTo("high");
    assertThat(typed.names()).isEqualTo(fromJson.names());
    assertThat(typed.text("linkedin[priority]")).isEqualTo("high");
  }

  @Test
  void anAddedNestedObjectIsBracketEncoded() throws Exception {
    ClassLoader world = world("nested-and-tightened", SpecMutationTest::addSequenceAndTightenText);

    CapturedForm sent = send(world, steps("text:Hi", "linkedin:{\"api\":\"recruiter\",\"sequence\":{\"step\":2,\"label\":\"intro\"}}"));

    assertThat(sent.text("linkedin[sequence][step]")).isEqualTo("2");
    assertThat(sent.text("linkedin[sequence][label]")).isEqualTo("intro");
  }

  @Test
  void theNestedObjectsConstraintsAreEnforcedBeforeSending() throws Exception {
    ClassLoader world = world("nested-and-tightened", SpecMutationTest::addSequenceAndTightenText);

    assertThat(run(world, server.url("/").toString(), steps("linkedin:{\"api\":\"recruiter\",\"sequence\":{\"step\":9}}")))
        .startsWith("InvalidRequestException").contains("linkedin.sequence.step");
    assertThat(run(world, null, steps("linkedin:{\"api\":\"recruiter\",\"sequence\":{\"label\":\"x\"}}")))
        .contains("linkedin.sequence.step: is required");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aTightenedTopLevelRuleRefuses() throws Exception {
    ClassLoader world = world("nested-and-tightened", SpecMutationTest::addSequenceAndTightenText);

    assertThat(run(world, null, steps("text:Hello"))).isEqualTo("built");
    assertThat(run(world, null, steps("text:Hello there, a longer text"))).startsWith("InvalidRequestException").contains("text");
  }

  @Test
  void aNewErrorStatusSurfacesWithItsStatusAndKnownType() throws Exception {
    ClassLoader world = world("conflict-status", spec -> {
      ObjectNode responses = (ObjectNode) spec.at("/paths/~1api~1v1~1chats/post/responses");
      ObjectNode conflict = responses.get("422").deepCopy();
      ObjectNode schema = (ObjectNode) conflict.at("/content/application~1json/schema");
      schema.put("title", "ConflictResponse");
      ((ObjectNode) schema.at("/properties/type")).putArray("enum").add("errors/chat_already_started");
      ((ObjectNode) schema.at("/properties/status")).putArray("enum").add(409);
      responses.set("409", conflict);
    });
    server.enqueue(new MockResponse.Builder().code(409).addHeader("Content-Type", "application/json")
        .body("{\"type\":\"errors/chat_already_started\",\"status\":409,\"title\":\"Conflict\"}").build());

    String outcome = run(world, server.url("/").toString(), steps("text:Hi"));

    assertThat(outcome).isEqualTo("UnipileApiException status=409 type=errors/chat_already_started known=true");
  }

  @Test
  void theBuildsGeneratorNameIsTheConfigFilesOne() throws Exception {
    String config = java.nio.file.Files.readString(Codegen.CONFIG);
    String pom = java.nio.file.Files.readString(Codegen.CONFIG.resolveSibling("pom.xml"));
    String name = config.lines().filter(l -> l.startsWith("generatorName:")).findFirst().orElseThrow()
        .substring("generatorName:".length()).trim();
    assertThat(pom).contains("<generatorName>" + name + "</generatorName>");
  }

  // ---- mutations ---------------------------------------------------------------------------------------------

  private static void addPartnerShape(ObjectNode spec) {
    ObjectNode partner = ((ArrayNode) spec.at(LINKEDIN_BRANCHES)).addObject();
    partner.put("title", "Partner options").put("type", "object");
    ObjectNode properties = partner.putObject("properties");
    properties.putObject("api").put("type", "string").putArray("enum").add("partner");
    properties.putObject("partner_id").put("type", "string");
    partner.putArray("required").add("api").add("partner_id");
  }

  private static void addSequenceAndTightenText(ObjectNode spec) {
    ObjectNode sequence = recruiter(spec).withObjectProperty("properties").putObject("sequence");
    sequence.put("title", "Sequence").put("type", "object");
    ObjectNode properties = sequence.putObject("properties");
    properties.putObject("step").put("type", "number").put("minimum", 1).put("maximum", 5);
    properties.putObject("label").put("type", "string").put("maxLength", 10);
    sequence.putArray("required").add("step");
    ((ObjectNode) form(spec).at("/properties/text")).put("maxLength", 12);
  }

  private static ObjectNode form(ObjectNode spec) {
    return (ObjectNode) spec.at(FORM);
  }

  /** The branch whose api is "recruiter", found by its value rather than its position. */
  private static ObjectNode recruiter(ObjectNode spec) {
    for (Iterator<JsonNode> it = spec.at(LINKEDIN_BRANCHES).elements(); it.hasNext(); ) {
      JsonNode branch = it.next();
      if (branch.at("/properties/api/enum/0").asText().equals("recruiter")) {
        return (ObjectNode) branch;
      }
    }
    throw new AssertionError("no recruiter branch");
  }

  // ---- plumbing ----------------------------------------------------------------------------------------------

  /** The regenerated client for one mutation, built once and shared by the tests that use it. */
  private static ClassLoader world(String name, Consumer<ObjectNode> mutation) {
    return WORLDS.computeIfAbsent(name, key -> {
      ObjectNode spec = ProviderSpec.document().deepCopy();
      mutation.accept(spec);
      Path classes = Codegen.regenerate(spec, temp.resolve(key), null, true, true);
      return new ChildFirstLoader(SpecMutationTest.class.getClassLoader(), classes, location(StartChatRequest.class),
          location(Driver.class));
    });
  }

  private CapturedForm send(ClassLoader world, List<String> steps) throws Exception {
    server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json").body(CREATED).build());
    assertThat(run(world, server.url("/").toString(), steps)).isEqualTo("sent");
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).isNotNull();
    return CapturedForm.of(request);
  }

  @SuppressWarnings("unchecked")
  private static String run(ClassLoader world, String baseUrl, List<String> steps) throws Exception {
    Method run = world.loadClass(Driver.class.getName()).getMethod("run", String.class, List.class);
    return (String) run.invoke(null, baseUrl, steps);
  }

  private static List<String> steps(String... extra) {
    List<String> steps = new ArrayList<>(BASE);
    steps.addAll(List.of(extra));
    return steps;
  }

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
