package cn.gov.gz.govcloud.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API contract (issue 27). springdoc generates the OpenAPI 3 description of {@code /api} from the controllers
 * (their {@code @Operation} summaries in Chinese, request and answer records) at {@code /api/docs/openapi}; this class
 * adds what every operation shares: the login (HTTP Basic; a bearer token on the alert intake), the error shape of
 * {@link ApiExceptionHandler} for 400/401/403/404 and 409, and serves Camunda's own description of the engine REST API
 * ({@code camunda-engine-rest-openapi}, unchanged but for the server address and the login) at
 * {@code /api/docs/engine-rest.json}. Swagger UI shows both at {@code /api/docs}. Everything is under {@code /api},
 * so it takes the same login as the API: integrators and administrators read it with their API account.
 */
@Configuration
class ApiDocs {

  static final String ERROR = "错误";
  static final String BASIC = "basicAuth";
  static final String BEARER = "intakeToken";
  static final String INTAKE = "/api/intake/";

  @Bean
  OpenAPI govcloudOpenApi() {
    return new OpenAPI()
        .info(new Info().title("广州市政务云运营流程系统业务接口（/api）").version("1")
            .description("""
                供外部系统（监控平台、云管平台、热线等）和运维人员调用的业务接口。所有应答为 JSON，时间为 ISO 8601。
                认证：HTTP Basic（Camunda 账号，与 /engine-rest 相同），权限按账号所在用户组判定；\
                外部告警接入 /api/intake/* 只接受系统管理员发放的接入令牌（Authorization: Bearer）。
                错误：输入有误返回 400 并逐项指明字段（{"message", "errors": [{"row", "field", "message"}]}），\
                不保存任何内容；未登录 401；无权 403；对象不存在 404。
                流程引擎接口（/engine-rest）见本页右上角“Camunda 流程引擎接口”。"""))
        .components(new Components()
            .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("Camunda 账号和密码"))
            .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("外部系统接入令牌（gci_…），由系统管理员在 /api/integrations/clients 发放")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }

  private static Schema<?> errorSchema() {
    ObjectSchema fieldError = new ObjectSchema();
    fieldError.addProperty("row", new IntegerSchema().description("批量导入时出错的行（从 0 起），单条记录为 null")
        .nullable(true));
    fieldError.addProperty("field", new StringSchema().description("出错的字段，如 businessSystemCode、alerts[0].fingerprint"));
    fieldError.addProperty("message", new StringSchema().description("问题说明（中文）"));
    ObjectSchema error = new ObjectSchema();
    error.description("错误应答：message 为概要，errors 逐项列出出错的字段");
    error.addProperty("message", new StringSchema().description("错误概要（中文）"));
    error.addProperty("errors", new ArraySchema().items(fieldError));
    return error;
  }

  /** The error answers every operation can give, the intake's own login, and a summary for anything left without. */
  @Bean
  OpenApiCustomizer govcloudErrors() {
    return api -> {
      if (api.getPaths() == null) {
        return;
      }
      api.getComponents().addSchemas(ERROR, errorSchema());
      api.getPaths().forEach((path, item) -> operations(item).forEach(op -> {
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        add(responses, "400", "输入有误：逐项指明字段，不保存任何内容");
        add(responses, "401", path.startsWith(INTAKE) ? "缺少或无效的接入令牌" : "未登录或账号密码错误");
        add(responses, "403", "无权执行此操作");
        if (path.contains("{")) {
          add(responses, "404", "对象不存在（或不属于本单位）");
        }
        if (!"GET".equals(method(item, op))) {
          add(responses, "409", "与他人同时修改同一对象，请刷新后重试");
        }
        op.setResponses(responses);
        if (path.startsWith(INTAKE)) {
          op.setSecurity(List.of(new SecurityRequirement().addList(BEARER)));
        }
      }));
    };
  }

  private static void add(ApiResponses responses, String code, String description) {
    if (!responses.containsKey(code)) {
      responses.addApiResponse(code, new ApiResponse().description(description).content(new Content()
          .addMediaType("application/json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR)))));
    }
  }

  static Map<String, Operation> byMethod(PathItem item) {
    Map<String, Operation> m = new LinkedHashMap<>();
    item.readOperationsMap().forEach((method, op) -> m.put(method.name(), op));
    return m;
  }

  private static List<Operation> operations(PathItem item) {
    return item.readOperations() == null ? Collections.emptyList() : item.readOperations();
  }

  private static String method(PathItem item, Operation op) {
    return byMethod(item).entrySet().stream().filter(e -> e.getValue() == op).map(Map.Entry::getKey).findFirst()
        .orElse("GET");
  }

  /** Camunda's OpenAPI document of {@code /engine-rest}, from its artifact, pointed at this installation. */
  @RestController
  @Hidden
  static class EngineRestDocument {

    static final String ARTIFACT = "camunda-engine-rest-openapi";
    private final ObjectMapper json;
    private volatile byte[] document;

    EngineRestDocument(ObjectMapper json) {
      this.json = json;
    }

    @GetMapping(path = "/api/docs/engine-rest.json", produces = "application/json")
    ResponseEntity<byte[]> engineRest() throws IOException {
      byte[] d = document;
      if (d == null) {
        d = load();
        document = d;
      }
      return ResponseEntity.ok().header("Cache-Control", "private, max-age=3600").body(d);
    }

    private byte[] load() throws IOException {
      URL found = null;
      for (URL url : Collections.list(getClass().getClassLoader().getResources("openapi.json"))) {
        if (url.toString().contains(ARTIFACT)) {
          found = url;
        }
      }
      if (found == null) {
        throw new IllegalStateException(ARTIFACT + " is not on the classpath");
      }
      ObjectNode doc;
      try (InputStream in = found.openStream()) {
        doc = (ObjectNode) json.readTree(in);
      }
      ArrayNode servers = doc.putArray("servers");
      servers.addObject().put("url", "/engine-rest").put("description", "本系统的 Camunda 流程引擎 REST 接口（HTTP Basic）");
      ObjectNode schemes = doc.withObject("/components/securitySchemes");
      schemes.putObject(BASIC).put("type", "http").put("scheme", "basic").put("description", "Camunda 账号和密码");
      doc.putArray("security").addObject().putArray(BASIC);
      ObjectNode info = doc.withObject("/info");
      info.put("description", "Camunda 7.24 流程引擎 REST 接口（Camunda 官方 OpenAPI 文档，英文）。本系统要求 HTTP Basic "
          + "登录；流程变量、任务属性等写入受系统安全规则约束，详见 docs/security/threat-model.md。\n\n"
          + info.path("description").asText(""));
      return json.writeValueAsBytes(doc);
    }
  }

}
