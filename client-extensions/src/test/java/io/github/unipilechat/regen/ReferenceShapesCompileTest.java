package io.github.unipilechat.regen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kinds of schema the provider's reference uses beyond the seed, regenerated with the build's settings
 * (client-generated/openapi-generator.yaml and codegen/CodegenInput.java) and compiled: before those settings,
 * each made the generated client fail to compile. A small document of its own, so this stays quick.
 */
class ReferenceShapesCompileTest {
  /**
   * A list's cursor "anything, or null" ({@code anyOf: [{}, {nullable: true}]}, which the generator left as a class
   * AnyOf it never wrote); a request body titled LINKEDIN beside profiles titled LinkedIn (the generator wrote class
   * LinkedIn into LinkedIn0.java); and two different profiles with the same title.
   */
  private static final String SHAPES = """
      {"openapi": "3.0.0", "info": {"title": "shapes", "version": "1"},
       "paths": {
         "/profiles/{id}": {"get": {"operationId": "getProfile",
           "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
           "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {
             "anyOf": [
               {"title": "LinkedIn", "type": "object", "properties": {"headline": {"type": "string"}}},
               {"title": "Telegram", "type": "object", "properties": {"username": {"type": "string"}}}]}}}}}}},
         "/me": {"get": {"operationId": "getMe",
           "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {
             "title": "LinkedIn", "type": "object", "properties": {"premium": {"type": "boolean"}}}}}}}}},
         "/items": {"get": {"operationId": "listItems",
           "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {
             "type": "object", "required": ["items"], "properties": {
               "items": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}}}},
               "cursor": {"anyOf": [{}, {"nullable": true}]}}}}}}}}},
         "/invitations": {"post": {"operationId": "handleInvitation",
           "requestBody": {"required": true, "content": {"application/json": {"schema": {
             "title": "LINKEDIN", "type": "object", "required": ["provider"], "properties": {
               "provider": {"type": "string", "enum": ["LINKEDIN"]}, "action": {"type": "string"}}}}}},
           "responses": {"201": {"description": "ok"}}}}}}
      """;

  @TempDir Path temp;

  @Test
  void theReferencesKindsOfSchemaCompileAndACursorOfAnyValueIsAnObject() throws Exception {
    JsonNode spec = new ObjectMapper().readTree(SHAPES);

    Path classes = Codegen.regenerate(spec, temp.resolve("build"), "regen.shapes", true, true);

    Set<String> responses = Codegen.responseModels(spec, temp.resolve("names"));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> list = responses.stream().filter(name -> name.contains("ListItems")).findFirst()
          .map(name -> load(loader, "regen.shapes.model." + name)).orElseThrow();
      assertThat(list.getDeclaredField("cursor").getType()).isEqualTo(Object.class);
    }
  }

  private static Class<?> load(ClassLoader loader, String name) {
    try {
      return loader.loadClass(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
