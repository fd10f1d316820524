-- A deliverable's first upload was archived before its approval started, so the approval task did not list the file
-- under 相关文档. Link the files already uploaded to their approval (new uploads are linked when the approval starts).
UPDATE report_document
   SET process_instance_id = (SELECT d.process_instance_id FROM deliverable_document d WHERE d.report_id = report_document.id)
 WHERE process_instance_id IS NULL
   AND kind = 'DELIVERABLE'
   AND EXISTS (SELECT 1 FROM deliverable_document d
                WHERE d.report_id = report_document.id AND d.process_instance_id IS NOT NULL);
