package cn.gov.gz.govcloud.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.gz.govcloud.support.Clause;
import cn.gov.gz.govcloud.support.WebTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The knowledge base over REST: written by staff, approved by a manager, read by everyone once published. */
class KnowledgeApiTest extends WebTest {

  @Autowired
  ObjectMapper json;

  @Clause("GB 8.4.2 e 4")
  @Clause("P6 7.3.1.3")
  @Test
  void anArticleIsPublishedOnlyAfterApproval() throws Exception {
    String word = "词" + UUID.randomUUID().toString().substring(0, 8);
    ResponseEntity<String> created = post("desk1", "/api/knowledge", Map.of("title", "对象存储上传失败 " + word,
        "category", "存储", "keywords", "对象存储 上传", "content", "检查桶策略与 AK/SK"));
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    long id = json.readTree(created.getBody()).get("id").asLong();

    assertThat(get("jtj1", "/api/knowledge/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post("desk1", "/api/knowledge/" + id + "/approve", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(post("manager1", "/api/knowledge/" + id + "/approve", Map.of()).getStatusCode())
        .as("not submitted yet").isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(post("desk1", "/api/knowledge/" + id + "/submit", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(post("manager1", "/api/knowledge/" + id + "/approve", Map.of()).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    JsonNode found = json.readTree(get("jtj1", "/api/knowledge?q=" + word).getBody());
    assertThat(found.findValuesAsText("title")).singleElement().asString().contains(word);
    assertThat(json.readTree(get("jtj1", "/api/knowledge/" + id).getBody()).get("state").asText())
        .isEqualTo("PUBLISHED");
  }

  @Test
  void badArticlesAndUnitAuthorsAreRefused() throws Exception {
    ResponseEntity<String> bad = post("desk1", "/api/knowledge", Map.of("title", "", "category", "网络"));
    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(bad.getBody()).get("errors").findValuesAsText("field")).contains("title", "content");
    assertThat(post("jtj1", "/api/knowledge", Map.of("title", "t", "category", "c", "content", "x"))
        .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get("desk1", "/api/knowledge/999999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }
}
