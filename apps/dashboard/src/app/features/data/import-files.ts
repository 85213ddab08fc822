import { ChangeDetectionStrategy, Component, computed, input, model, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { formatCount } from '../../ui/formats/number-format';
import { formatBytes } from '../../ui/formats/time-format';
import type { UploadLimits } from './import-format';

/**
 * The files of an import: dropped on the zone or chosen with the button (the keyboard's way in), listed with
 * their sizes, each removable. A file chosen again under the same name replaces the earlier one, as the import
 * would read only one file per name.
 */
@Component({
  selector: 'iop-import-files',
  imports: [MatButton],
  templateUrl: './import-files.html',
  styleUrl: './import-files.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportFiles {
  readonly files = model.required<File[]>();
  readonly limits = input<UploadLimits | null>(null);
  readonly disabled = input(false);

  protected readonly dragging = signal(false);
  protected readonly formatBytes = formatBytes;
  protected readonly limitsText = computed(() => {
    const limits = this.limits();
    return limits
      ? `Up to ${formatCount(limits.maxFiles)} files of at most ${formatBytes(limits.maxFileBytes)} each.`
      : '';
  });
  protected readonly totalText = computed(() => {
    const files = this.files();
    const bytes = files.reduce((sum, file) => sum + file.size, 0);
    return `${formatCount(files.length)} ${files.length === 1 ? 'file' : 'files'}, ${formatBytes(bytes)}`;
  });

  protected onDragOver(event: DragEvent): void {
    if (this.disabled()) return;
    // Without this the browser opens a dropped file instead of handing it to the page.
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragging.set(true);
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    if (this.disabled()) return;
    this.add(Array.from(event.dataTransfer?.files ?? []));
  }

  protected onChosen(input: HTMLInputElement): void {
    this.add(Array.from(input.files ?? []));
    // Emptied, so that choosing the same file again (after removing it) is noticed.
    input.value = '';
  }

  protected remove(file: File): void {
    this.files.update((files) => files.filter((kept) => kept !== file));
  }

  private add(added: File[]): void {
    if (added.length === 0) return;
    const names = new Set(added.map((file) => file.name));
    this.files.update((files) => [...files.filter((kept) => !names.has(kept.name)), ...added]);
  }
}
