import { DEFAULT_TEMPLATE, TICKET_BLOCKS, ticketTemplateSchema } from '@queue/printer';
import { describe, expect, it } from 'vitest';
import { editList } from './list-edit';
import {
  DEFAULT_TEMPLATE_DRAFT,
  TEMPLATE_BLOCKS,
  addableBlocks,
  templateDraftOf,
  templateProblems,
} from './template-draft';

describe('the ticket layout as the administrator edits it', () => {
  it('knows the printer’s parts and its default layout', () => {
    expect(TEMPLATE_BLOCKS).toEqual(TICKET_BLOCKS);
    expect(DEFAULT_TEMPLATE_DRAFT).toEqual(DEFAULT_TEMPLATE);
  });

  it('shows a configured template in full, a line the same in every language in each', () => {
    const draft = templateDraftOf({ headerLines: ['ЦНАП'], numberScale: 2 });
    expect(draft.blocks).toEqual(DEFAULT_TEMPLATE.blocks);
    expect(draft.headerLines).toEqual([{ uk: 'ЦНАП', ru: 'ЦНАП', en: 'ЦНАП' }]);
    expect(draft.numberScale).toBe(2);
    expect(templateDraftOf(undefined)).toBe(DEFAULT_TEMPLATE_DRAFT);
  });

  it('tells a layout without the number, sizes out of range and a line missing a language', () => {
    const blocks = DEFAULT_TEMPLATE_DRAFT.blocks.filter((block) => block !== 'number');
    expect(
      templateProblems({
        ...DEFAULT_TEMPLATE_DRAFT,
        blocks,
        numberScale: 9,
        qrModuleSize: 0,
        footerLines: [{ uk: 'Дякуємо', ru: '', en: 'Thank you' }],
      }),
    ).toEqual(['noNumber', 'badScale', 'badQr', 'emptyLine']);
  });

  it('offers each part once, dashed and empty lines any number of times', () => {
    expect(addableBlocks(DEFAULT_TEMPLATE_DRAFT.blocks)).toEqual(['rule', 'space']);
    expect(addableBlocks(['number'])).not.toContain('number');
  });

  it('gives layouts without problems that the printer’s schema accepts', () => {
    let draft = templateDraftOf(undefined);
    draft = { ...draft, blocks: editList(draft.blocks, { kind: 'move', index: 4, by: -1 }) };
    draft = { ...draft, headerLines: [{ uk: 'Ласкаво просимо', ru: 'Добро пожаловать', en: 'Welcome' }] };
    draft = { ...draft, qrModuleSize: 6 };
    expect(templateProblems(draft)).toEqual([]);
    expect(ticketTemplateSchema.safeParse(draft).success).toBe(true);
  });
});
