package cn.gov.gz.govcloud.security;

import cn.gov.gz.govcloud.web.ReplayedBodyRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Mitigation for expression injection through engine REST queries reported against 7.24 (for example through
 * {@code orQueries}, which bypassed {@code enableExpressionsInAdhocQueries=false}): a request to the engine REST API
 * (ours at {@code /engine-rest} and the webapps' at {@code /camunda/api/engine}) that sets any query property
 * ending in {@code Expression} ({@code assigneeExpression}, {@code dueBeforeExpression}, ... at any depth, in the query
 * string or the JSON body) is refused with 400 before it reaches the engine. Only creating or changing a stored filter
 * may carry expressions (filters such as "my tasks" need {@code ${currentUser()}}); that needs the FILTER create/update
 * permission, which only administrators hold. Ordinary text, such as a variable value containing "${", is untouched.
 */
class QueryExpressionFilter extends OncePerRequestFilter {

  static final int MAX_INSPECTED_BODY = 10 * 1024 * 1024;
  private static final Pattern QUERY_PARAM = Pattern.compile("(^|&)[A-Za-z]+Expression=");
  private static final Pattern JSON_KEY = Pattern.compile("\"[A-Za-z]+Expression\"\\s*:");
  /** POST .../filter/create or PUT .../filter/{id}: defining a stored filter, not running one. */
  private static final Pattern FILTER_DEFINITION = Pattern.compile("/filter(/create|/[^/]+)$");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (isFilterDefinitionChange(request)) {
      chain.doFilter(request, response);
      return;
    }
    String query = request.getQueryString();
    if (query != null && QUERY_PARAM.matcher(URLDecoder.decode(query.replace("+", "%2B"), StandardCharsets.UTF_8)).find()) {
      reject(response);
      return;
    }
    String contentType = request.getContentType();
    if (contentType != null && contentType.toLowerCase().contains("json")) {
      byte[] body = request.getInputStream().readNBytes(MAX_INSPECTED_BODY);
      if (containsExpression(new String(body, StandardCharsets.UTF_8))) {
        reject(response);
        return;
      }
      chain.doFilter(new ReplayedBodyRequest(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean containsExpression(String json) {
    return JSON_KEY.matcher(json).find();
  }

  private static boolean isFilterDefinitionChange(HttpServletRequest request) {
    String method = request.getMethod();
    return ("POST".equals(method) || "PUT".equals(method))
        && FILTER_DEFINITION.matcher(request.getRequestURI()).find();
  }

  private static void reject(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(
        "{\"type\":\"InvalidRequestException\",\"message\":\"查询条件不允许使用表达式 (*Expression 参数)\"}");
  }
}
