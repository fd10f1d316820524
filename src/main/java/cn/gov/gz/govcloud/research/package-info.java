/**
 * Service-demand research room (服务需求调研, P6 7.5.1; DB4401/T 294.3 5.4.1): the {@code demand-research} process
 * collects the using units' demands (a questionnaire per unit, or the provider's interview record), the provider
 * analyses them and writes the recommendations, the research/assessment report (调研评估报告, P3 Appendix D #18) is
 * filed and reviewed by management; accepted resource-adjustment recommendations are published in the view
 * {@code rv_research_recommendation}, which the next resource optimisation review reads. Its own tables through
 * {@link ResearchService}; units through {@code rv_org_unit}; reports through the shared {@code ReportArchive}.
 */
package cn.gov.gz.govcloud.research;
