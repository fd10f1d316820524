/** Organization room: using units, business systems, and the demo users of demo mode. Imports no feature. */
package cn.gov.gz.govcloud.organization;
