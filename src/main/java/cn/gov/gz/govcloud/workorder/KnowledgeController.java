package cn.gov.gz.govcloud.workorder;

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
@RestController
@RequestMapping("/api/knowledge")
class KnowledgeController {

  private final KnowledgeService service;
  private final CurrentUser currentUser;

  KnowledgeController(KnowledgeService service, CurrentUser currentUser) {
    this.service = service;
    this.currentUser = currentUser;
  }

  @GetMapping
  List<KnowledgeArticle> search(@RequestParam(required = false) String q,
      @RequestParam(required = false) String category, @RequestParam(required = false) State status,
      @RequestParam(defaultValue = "50") int limit) {
    return service.search(q, category, status, currentUser.require(), limit);
  }

  @GetMapping("/{id}")
  KnowledgeArticle get(@PathVariable long id) {
    return service.get(id, currentUser.require());
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  KnowledgeArticle create(@RequestBody Draft draft) {
    return service.create(draft, currentUser.require());
  }

  @PutMapping("/{id}")
  KnowledgeArticle update(@PathVariable long id, @RequestBody Draft draft) {
    return service.update(id, draft, currentUser.require());
  }

  @PostMapping("/{id}/submit")
  KnowledgeArticle submit(@PathVariable long id) {
    return service.submit(id, currentUser.require());
  }

  @PostMapping("/{id}/approve")
  KnowledgeArticle approve(@PathVariable long id) {
    return service.approve(id, currentUser.require());
  }

  @PostMapping("/{id}/reject")
  KnowledgeArticle reject(@PathVariable long id) {
    return service.reject(id, currentUser.require());
  }

  @PostMapping("/{id}/retire")
  KnowledgeArticle retire(@PathVariable long id) {
    return service.retire(id, currentUser.require());
  }
}
