package cn.gov.gz.govcloud.deliverable;

import cn.gov.gz.govcloud.access.AccessDeniedException;
import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.access.NotFoundException;
import cn.gov.gz.govcloud.deliverable.DeliverableProperties.Item;
import cn.gov.gz.govcloud.deliverable.DeliverableRegister.Entry;
import cn.gov.gz.govcloud.report.ReportArchive;
import cn.gov.gz.govcloud.report.ReportDocument;
import cn.gov.gz.govcloud.web.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/deliverables}: the register of P3 Table D.1 (management, the provider and the supervisor read it; unit
 * users are refused: it is the contract's register between the bureau and the provider, a unit reads its own
 * documents under {@code /api/reports}), one item with every version, the provider's upload of a version for
 * management's approval, and the download of an uploaded file.
 */
@Tag(name = "交付物登记册", description = "DB4401/T 294.3 附录 D 表 D.1 交付文档：登记册、上传、审批与下载。")
@RestController
@RequestMapping("/api/deliverables")
class DeliverableController {

  private final DeliverableRegister register;
  private final DeliverableService documents;
  private final DeliverableProperties properties;
  private final ReportArchive archive;
  private final CurrentUser currentUser;
  private final Clock clock;

  DeliverableController(DeliverableRegister register, DeliverableService documents, DeliverableProperties properties,
      ReportArchive archive, CurrentUser currentUser, Clock clock) {
    this.register = register;
    this.documents = documents;
    this.properties = properties;
    this.archive = archive;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  /** A reader of the register: management, the provider, the supervisor (not unit users). */
  static Caller reader(CurrentUser currentUser) {
    Caller caller = currentUser.require();
    if (!caller.seesAllUnits()) {
      throw new AccessDeniedException("交付物登记册仅对管理方、服务方和监理方开放");
    }
    return caller;
  }

  @Operation(summary = "交付物登记册", description = "附录 D 表 D.1 的 24 项：编制方、频次、来源（系统生成/上传/实时台账）、"
      + "最新版本、审批状态、待审批的版本、是否到期或逾期（北京时间）。")
  @GetMapping
  Map<String, Object> list() {
    reader(currentUser);
    List<Entry> entries = register.entries();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("contractFrom", properties.getContractFrom());
    out.put("contractTo", properties.getContractTo());
    out.put("generatedAt", clock.instant());
    out.put("overdue", entries.stream().filter(e -> DeliverableRegister.OVERDUE.equals(e.status())).count());
    out.put("due", entries.stream().filter(e -> DeliverableRegister.DUE.equals(e.status())).count());
    out.put("pending", entries.stream().filter(e -> e.pending() != null
        && DeliverableDocument.label(DeliverableDocument.PENDING).equals(e.pending().approval())).count());
    out.put("items", entries);
    return out;
  }

  @Operation(summary = "交付物详情", description = "该项的登记情况、每一个上传版本及其审批，以及系统生成的文档（最新 50 份）。")
  @GetMapping("/{itemNo}")
  Map<String, Object> one(@PathVariable String itemNo) {
    Caller caller = reader(currentUser);
    Item item = documents.item(itemNo);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("item", register.entry(item.no()));
    out.put("uploads", documents.versions(item.no()));
    List<ReportDocument> generated = new ArrayList<>();
    for (String kind : item.kinds()) {
      generated.addAll(archive.search(caller, kind, null, null, 50));
    }
    generated.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
    out.put("generated", generated.subList(0, Math.min(50, generated.size())));
    return out;
  }

  @Operation(summary = "上传交付文档", description = "服务方（服务台、运维经理、工程师）上传一个版本，提交管理方在任务中心审批。"
      + "multipart：file（不超过 10 MB）、title（必填）、period（所属期间）、note（说明）；替换被退回的文档时填 replaces（被退回的"
      + "文档编号），submit=false 时只上传、稍后在任务中心“修改后重新提交”中提交。")
  @PostMapping(path = "/{itemNo}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<DeliverableDocument> upload(@PathVariable String itemNo,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(required = false) String title, @RequestParam(required = false) String period,
      @RequestParam(required = false) String note, @RequestParam(required = false) String replaces,
      @RequestParam(required = false) String submit) throws IOException {
    Caller caller = currentUser.require();
    if (!caller.inAny(DeliverableService.UPLOADERS.toArray(String[]::new))) {
      throw new AccessDeniedException("只有服务方（服务台、运维经理、工程师）可以上传交付文档");
    }
    Item item = documents.item(itemNo);
    Long replacesId = null;
    if (replaces != null && !replaces.isBlank()) {
      try {
        replacesId = Long.parseLong(replaces.strip());
      } catch (NumberFormatException e) {
        throw ValidationException.of("replaces", "被替换的文档编号应为数字");
      }
    }
    if (submit != null && !submit.isBlank() && !submit.strip().matches("true|false")) {
      throw ValidationException.of("submit", "submit 只能是 true 或 false");
    }
    DeliverableDocument d = documents.upload(caller, item, file == null ? null : file.getOriginalFilename(),
        file == null ? null : file.getBytes(), new DeliverableService.Upload(title, period, note, replacesId,
            !"false".equals(submit == null ? null : submit.strip())));
    return ResponseEntity.status(HttpStatus.CREATED).body(d);
  }

  @Operation(summary = "下载上传的交付文档", description = "原文件，附 SHA-256 校验值。")
  @GetMapping("/{itemNo}/documents/{id}/content")
  ResponseEntity<byte[]> download(@PathVariable String itemNo, @PathVariable long id) {
    Caller caller = reader(currentUser);
    Item item = documents.item(itemNo);
    DeliverableDocument d = documents.get(id);
    if (d.itemNo() != item.no()) {
      throw new NotFoundException("交付文档不存在: " + id);
    }
    ReportDocument r = archive.get(d.reportId(), caller);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(r.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Checksum-SHA256", r.checksumSha256())
        .header("X-Content-Type-Options", "nosniff")
        .contentType(MediaType.parseMediaType(r.contentType()))
        .body(archive.content(r.id()));
  }
}
