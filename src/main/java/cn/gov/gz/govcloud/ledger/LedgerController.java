package cn.gov.gz.govcloud.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import cn.gov.gz.govcloud.organization.OrganizationService;
import cn.gov.gz.govcloud.report.Spreadsheet;
import cn.gov.gz.govcloud.report.Spreadsheet.Column;
import cn.gov.gz.govcloud.report.TemplateReport;
import java.util.Map;

import cn.gov.gz.govcloud.access.CurrentUser;
import cn.gov.gz.govcloud.access.CurrentUser.Caller;
import cn.gov.gz.govcloud.ledger.Discrepancy.Kind;
import cn.gov.gz.govcloud.ledger.LedgerResource.State;
import cn.gov.gz.govcloud.ledger.Reconciliation.RunSummary;
import cn.gov.gz.govcloud.web.ValidationException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /api/ledger}: the resource ledger (query, .xlsx export), the inventory data connection (JSON or CSV) and
 * reconciliation results.
 */
@Tag(name = "资源台账", description = "资源台账、资产清单导入与台账校核（P6 7.2.1、7.2.2）。")
@RestController
@RequestMapping("/api/ledger")
class LedgerController {

  static final int EXPORT_LIMIT = 200_000;
  static final List<Column> COLUMNS = List.of(Column.text("资源编号"), Column.text("使用单位"), Column.text("业务系统"),
      Column.text("资源申请单号"), Column.count("申请行号", false), Column.text("资源类型"), Column.count("vCPU（核）", true),
      Column.count("内存（GB）", true), Column.decimal("存储（TB）", true), Column.text("操作系统"), Column.text("品牌"),
      Column.text("型号"), Column.text("位置（机柜）"), Column.text("政务外网 IP"), Column.text("状态"),
      Column.dateTime("关机时间"), Column.dateTime("入账时间"));

  private final LedgerService ledger;
  private final Reconciliation reconciliation;
  private final CurrentUser currentUser;
  private final OrganizationService organization;
  private final TemplateReport templates;

  LedgerController(LedgerService ledger, Reconciliation reconciliation, CurrentUser currentUser,
      OrganizationService organization, TemplateReport templates) {
    this.ledger = ledger;
    this.reconciliation = reconciliation;
    this.currentUser = currentUser;
    this.organization = organization;
    this.templates = templates;
  }

  @Operation(summary = "查询资源台账", description = "使用单位只能看到本单位的资源。")
  @GetMapping
  List<LedgerResource> search(@RequestParam(required = false) String unitCode,
      @RequestParam(required = false) String businessSystemCode, @RequestParam(required = false) ResourceType type,
      @RequestParam(required = false) State state, @RequestParam(required = false) Long applicationId,
      @RequestParam(defaultValue = "500") int limit) {
    return ledger.search(currentUser.require(), unitCode, businessSystemCode, type, state, applicationId,
        Math.min(limit, 10_000));
  }

  /** The ledger as an Excel workbook (a deliverable, P3 Appendix D), laid out for people: names, formats, totals. */
  @Operation(summary = "导出资源台账", description = "Excel（.xlsx），筛选条件同查询。")
  @GetMapping("/export")
  ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String unitCode,
      @RequestParam(required = false) String businessSystemCode, @RequestParam(required = false) ResourceType type,
      @RequestParam(required = false) State state) {
    List<LedgerResource> rows = ledger.search(currentUser.require(), unitCode, businessSystemCode, type, state, null,
        EXPORT_LIMIT);
    Map<String, String> units = organization.unitNames();
    Map<String, String> systems = organization.systemNames();
    Map<Long, String> applications = ledger.applicationNumbers(rows.stream().map(LedgerResource::applicationId)
        .toList());
    String scope = "范围：" + (unitCode == null ? "全部使用单位" : units.getOrDefault(unitCode, unitCode))
        + (businessSystemCode == null ? "" : "，" + systems.getOrDefault(businessSystemCode, businessSystemCode))
        + (type == null ? "" : "，" + type.label()) + (state == null ? "" : "，" + state(state));
    String line = templates.sheetLine(scope);
    StreamingResponseBody body = out -> {
      try (Spreadsheet book = new Spreadsheet(line)) {
        Spreadsheet.Table sheet = book.sheet("资源台账", "政务云资源台账（共 " + rows.size() + " 项）", COLUMNS);
        for (LedgerResource l : rows) {
          sheet.row(l.resourceId(), units.getOrDefault(l.unitCode(), l.unitCode()),
              l.businessSystemCode() == null ? "—" : systems.getOrDefault(l.businessSystemCode(),
                  l.businessSystemCode()),
              l.applicationId() == null ? "—" : applications.getOrDefault(l.applicationId(), "—"), l.lineNo(),
              l.type().label(), l.vcpu(), l.memoryGb(), l.diskTb(), l.os(), l.brand(), l.model(), l.location(), l.ip(),
              state(l.state()), l.poweredOffSince(), l.createdAt());
        }
        sheet.totals("合计（" + rows.size() + " 项）");
        book.write(out);
      }
    };
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("资源台账.xlsx", StandardCharsets.UTF_8).build().toString())
        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .body(body);
  }

  static String state(State s) {
    return switch (s) {
      case ACTIVE -> "在用";
      case POWERED_OFF -> "已关机";
      case RELEASED -> "已释放";
    };
  }

  /** Imports an inventory snapshot as JSON and reconciles. */
  @Operation(summary = "导入资产清单（JSON）", description = "全部有效才保存，逐行指明错误；随后自动校核台账。")
  @PostMapping(path = "/inventory", consumes = MediaType.APPLICATION_JSON_VALUE)
  RunSummary importJson(@RequestBody List<InventoryRow> rows, @RequestParam(defaultValue = "api") String source) {
    return reconciliation.importAndReconcile(rows, source, currentUser.require());
  }

  /** Imports an inventory snapshot as a CSV file (UTF-8, header row with the JSON field names) and reconciles. */
  @Operation(summary = "导入资产清单（CSV 文件）", description = "列名同 JSON 字段；全部有效才保存，逐行指明错误。")
  @PostMapping(path = "/inventory", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  RunSummary importCsv(@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
    Caller caller = currentUser.require();
    if (file == null || file.isEmpty()) {
      throw ValidationException.of("file", "请上传 CSV 文件");
    }
    CsvMapper csv = new CsvMapper();
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    List<InventoryRow> rows;
    // strict UTF-8: a file saved in another encoding (GBK from Excel, for example) is refused, not misread
    var utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (var reader = new InputStreamReader(file.getInputStream(), utf8);
        MappingIterator<InventoryRow> it = csv.readerFor(InventoryRow.class).with(schema).readValues(reader)) {
      rows = it.readAll();
    } catch (CharacterCodingException e) {
      throw ValidationException.of("file", "文件不是 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8”后重新上传");
    } catch (IOException | RuntimeException e) {
      Throwable cause = e instanceof com.fasterxml.jackson.core.JsonProcessingException ? e : e.getCause();
      int line = cause instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
          ? j.getLocation().getLineNr() : -1;
      throw ValidationException.of("file", "CSV 无法解析" + (line > 0 ? "（第 " + line + " 行附近）" : "")
          + "：请检查列名、列数与数值格式（表头为 JSON 字段名，UTF-8 编码）");
    }
    return reconciliation.importAndReconcile(rows, "csv:" + file.getOriginalFilename(), caller);
  }

  @Operation(summary = "校核台账", description = "订单 ↔ 台账 ↔ 实际使用情况一致性校核。")
  @PostMapping("/reconcile")
  RunSummary reconcile() {
    Caller caller = currentUser.require();
    LedgerService.requireStaff(caller);
    return reconciliation.reconcileLatest(caller.userId());
  }

  @Operation(summary = "查询校核差异", description = "按校核批次和差异类型筛选。")
  @GetMapping("/discrepancies")
  List<Discrepancy> discrepancies(@RequestParam(required = false) Long runId,
      @RequestParam(required = false) Kind kind, @RequestParam(defaultValue = "1000") int limit) {
    return reconciliation.discrepancies(runId, kind, currentUser.require(), limit);
  }
}
