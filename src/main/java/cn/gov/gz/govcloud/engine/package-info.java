/**
 * Engine room: deployment of {@code processes/} and {@code forms/}, engine plugins and helpers shared by every
 * process. Imports no feature.
 */
package cn.gov.gz.govcloud.engine;
