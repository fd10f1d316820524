package cn.gov.gz.govcloud.workorder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.workorder.KnowledgeArticle.State;
import cn.gov.gz.govcloud.workorder.KnowledgeService.Draft;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/knowledge}: the service desk's knowledge base (P6 7.3.1.3). */
@Tag(name = "知识库", description = "服务台知识库。")
@RestController
@RequestMapping("/api/knowledge")
class KnowledgeController {

  private final KnowledgeService service;
  private final CurrentUser currentUser;

  KnowledgeController(KnowledgeService service, CurrentUser currentUser) {
    this.service = service;
    this.currentUser = currentUser;
  }

  @Operation(summary = "查询知识文章", description = "使用单位只能看到已发布的文章。")
  @GetMapping
  List<KnowledgeArticle> search(@RequestParam(required = false) String q,
      @RequestParam(required = false) String category, @RequestParam(required = false) State status,
      @RequestParam(defaultValue = "50") int limit) {
    return service.search(q, category, status, currentUser.require(), limit);
  }

  @Operation(summary = "知识文章详情")
  @GetMapping("/{id}")
  KnowledgeArticle get(@PathVariable long id) {
    return service.get(id, currentUser.require());
  }

  @Operation(summary = "撰写知识文章", description = "服务方人员。")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  KnowledgeArticle create(@RequestBody Draft draft) {
    return service.create(draft, currentUser.require());
  }

  @Operation(summary = "修改知识文章")
  @PutMapping("/{id}")
  KnowledgeArticle update(@PathVariable long id, @RequestBody Draft draft) {
    return service.update(id, draft, currentUser.require());
  }

  @Operation(summary = "提交审核")
  @PostMapping("/{id}/submit")
  KnowledgeArticle submit(@PathVariable long id) {
    return service.submit(id, currentUser.require());
  }

  @Operation(summary = "发布知识文章", description = "运维经理。")
  @PostMapping("/{id}/approve")
  KnowledgeArticle approve(@PathVariable long id) {
    return service.approve(id, currentUser.require());
  }

  @Operation(summary = "退回知识文章", description = "运维经理。")
  @PostMapping("/{id}/reject")
  KnowledgeArticle reject(@PathVariable long id) {
    return service.reject(id, currentUser.require());
  }

  @Operation(summary = "撤下知识文章", description = "运维经理。")
  @PostMapping("/{id}/retire")
  KnowledgeArticle retire(@PathVariable long id) {
    return service.retire(id, currentUser.require());
  }
}
