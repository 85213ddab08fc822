import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The data's end date (dataset_meta), which every metric response states; null before any data is loaded. */
@Injectable()
export class AsOfQuery {
  constructor(private readonly dataSource: DataSource) {}

  async run(): Promise<string | null> {
    const rows: Array<{ as_of: string | null }> = await this.dataSource.query(
      `SELECT to_char(max(as_of), 'YYYY-MM-DD') AS as_of FROM dataset_meta`,
    );
    return rows[0]?.as_of ?? null;
  }
}
