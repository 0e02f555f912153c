import type { KnowledgeErrorCode } from '@/lib/knowledge/types';

/** What to tell a person for each knowledge error code (the worker's sentence follows). */
export const KNOWLEDGE_ERROR_TEXT: Record<KnowledgeErrorCode, string> = {
  'knowledge:too-large': 'This file is too large.',
  'knowledge:unsupported': 'This kind of file is not supported. Use .txt, .md, .html or .pdf.',
  'knowledge:parse': 'This file could not be read; it may be damaged or protected.',
  'knowledge:empty': 'This file has no readable text.',
  'knowledge:storage': 'It could not be saved on this device.',
  'knowledge:model': 'The search model is not available; search works by words only.',
};
