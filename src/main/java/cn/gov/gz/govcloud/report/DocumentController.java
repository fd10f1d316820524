package cn.gov.gz.govcloud.report;

import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Archived documents for people in the browser, under the webapps' own API path ({@code /camunda/api/govcloud}), where
 * Camunda's authentication filter puts the Tasklist session's user in place (no HTTP Basic prompt): the content of a
 * document (the link in review tasks and in mails), its description, and the documents of a task's case (the button
 * on every task, {@code app/tasklist/scripts/documents.js}). Unit users open their own unit's documents only, as on
 * {@code /api/reports}; a task's documents are listed only to someone who may see the task (the engine's own
 * authorization check). A browser without a session is sent to the Tasklist login, which then opens the document.
 */
@RestController
@RequestMapping(DocumentLinks.API)
class DocumentController {

  /** A document as the browser plugin shows it. */
  record DocumentLink(long id, String kind, String title, int version, String fileName, Instant createdAt,
      String url) {}

  private final ReportArchive archive;
  private final CurrentUser currentUser;
  private final TaskService tasks;

  DocumentController(ReportArchive archive, CurrentUser currentUser, TaskService tasks) {
    this.archive = archive;
    this.currentUser = currentUser;
    this.tasks = tasks;
  }

  @GetMapping("/documents/{id}/content")
  ResponseEntity<?> content(@PathVariable long id, HttpServletRequest request) {
    Optional<Caller> caller = currentUser.get();
    if (caller.isEmpty()) {
      return notLoggedIn(id, request);
    }
    ReportDocument d = archive.get(id, caller.get());
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(d.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Checksum-SHA256", d.checksumSha256())
        .contentType(MediaType.parseMediaType(d.contentType()))
        .body(archive.content(id));
  }

  @GetMapping("/documents/{id}")
  ResponseEntity<?> describe(@PathVariable long id, HttpServletRequest request) {
    Optional<Caller> caller = currentUser.get();
    if (caller.isEmpty()) {
      return notLoggedIn(id, request);
    }
    return ResponseEntity.ok(link(archive.get(id, caller.get()), request));
  }

  /** The latest version of each document of the task's case, for a person who may see the task. */
  @GetMapping("/tasks/{taskId}/documents")
  ResponseEntity<?> ofTask(@PathVariable String taskId, HttpServletRequest request) {
    Optional<Caller> caller = currentUser.get();
    if (caller.isEmpty()) {
      return unauthorized();
    }
    if (taskId.length() > 64) {
      throw new NotFoundException("任务不存在或无权查看");
    }
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null || task.getProcessInstanceId() == null) {
      throw new NotFoundException("任务不存在或无权查看");
    }
    List<DocumentLink> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ReportDocument d : archive.search(caller.get(), null, null, task.getProcessInstanceId(), 100)) {
      if (seen.add(d.kind() + "\u0000" + d.subjectRef())) {
        out.add(link(d, request)); // newest first: the first of a kind and subject is its latest version
      }
    }
    return ResponseEntity.ok(out);
  }

  private static DocumentLink link(ReportDocument d, HttpServletRequest request) {
    return new DocumentLink(d.id(), d.kind(), d.title(), d.version(), d.fileName(), d.createdAt(),
        request.getContextPath() + DocumentLinks.path(d.id()));
  }

  /** A browser is sent to the Tasklist login, which comes back to the document; other callers get 401. */
  private static ResponseEntity<?> notLoggedIn(long id, HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
      return ResponseEntity.status(HttpStatus.FOUND)
          .location(URI.create(request.getContextPath() + "/camunda/app/tasklist/default/#/document/" + id)).build();
    }
    return unauthorized();
  }

  private static ResponseEntity<?> unauthorized() {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("message", "请先登录任务中心", "errors", List.of()));
  }
}
