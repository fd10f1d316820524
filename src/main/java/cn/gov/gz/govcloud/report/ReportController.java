package cn.gov.gz.govcloud.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.gov.gz.govcloud.access.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/reports}: archived report documents, listed and downloaded with the access rules of their unit. */
@Tag(name = "报告", description = "归档的报告（版本、校验和）。")
@RestController
@RequestMapping("/api/reports")
class ReportController {

  private final ReportArchive archive;
  private final CurrentUser currentUser;

  ReportController(ReportArchive archive, CurrentUser currentUser) {
    this.archive = archive;
    this.currentUser = currentUser;
  }

  @Operation(summary = "查询归档报告", description = "按类型、对象和流程实例筛选；使用单位只能看到本单位的报告。")
  @GetMapping
  List<ReportDocument> search(@RequestParam(required = false) String kind,
      @RequestParam(required = false) String subjectRef, @RequestParam(required = false) String processInstanceId,
      @RequestParam(defaultValue = "100") int limit) {
    return archive.search(currentUser.require(), kind, subjectRef, processInstanceId, limit);
  }

  @Operation(summary = "报告信息")
  @GetMapping("/{id}")
  ReportDocument get(@PathVariable long id) {
    return archive.get(id, currentUser.require());
  }

  @Operation(summary = "下载报告", description = "Word 或 Excel 文件。")
  @GetMapping("/{id}/content")
  ResponseEntity<byte[]> download(@PathVariable long id) {
    ReportDocument d = archive.get(id, currentUser.require());
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(d.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Checksum-SHA256", d.checksumSha256())
        .contentType(MediaType.parseMediaType(d.contentType()))
        .body(archive.content(id));
  }
}
