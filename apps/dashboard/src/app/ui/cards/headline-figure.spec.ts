import { TestBed } from '@angular/core/testing';
import { SMALL_CELL_NOTE } from '@iop/contracts';
import { HeadlineFigure, type HeadlineFigureValue } from './headline-figure';

async function render(figure: HeadlineFigureValue): Promise<HTMLElement> {
  const fixture = TestBed.createComponent(HeadlineFigure);
  fixture.componentRef.setInput('label', 'Completion rate');
  fixture.componentRef.setInput('figure', figure);
  fixture.componentRef.setInput('testId', 'kpi-completion');
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('HeadlineFigure', () => {
  it('marks an exact value that rests on a small cell, beside the value and not inside it', async () => {
    const element = await render({ value: '75.0%', details: ['n = 4 episodes'], suppressed: false, smallCell: true });
    expect(element.querySelector('[data-testid="kpi-completion"]')?.textContent).toBe('75.0%');
    const note = element.querySelector('[data-testid="kpi-completion-small-cell"]');
    expect(note?.textContent?.replace(/\s+/g, ' ').trim()).toBe(`Small count ${SMALL_CELL_NOTE}`);
  });

  it('has no mark on a large or a withheld value', async () => {
    const large = await render({ value: '33.5%', details: [], suppressed: false, smallCell: false });
    expect(large.querySelector('[data-testid="kpi-completion-small-cell"]')).toBeNull();
    const withheld = await render({ value: 'fewer than 11', details: [], suppressed: true });
    expect(withheld.querySelector('[data-testid="kpi-completion-small-cell"]')).toBeNull();
  });
});
