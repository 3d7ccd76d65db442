// Data made before institutions existed belongs to one institution (INSTITUTION_NAME,
// INSTITUTION_CODE): every document gains `institution`, the settings become per-institution
// documents, and the old single-institution unique indexes (code, 工号, dedupe keys) make way
// for the new ones that lead with the institution (built after migrations, at start).
import type { Collection, Document } from 'mongodb';
import { ownedModels } from '../models.js';
import { ensureHomeInstitution } from '../modules/institutions/home.js';
import type { Migration } from './runner.js';

/** Indexes kept on owned collections although they do not lead with the institution. */
const KEPT = new Set(['_id_', 'username_1']);

export const institutionsMigration: Migration = {
  name: '0001-institutions',
  async up({ models, config }) {
    const collections = ownedModels(models).map((m) => m.collection as unknown as Collection<Document>);
    const unowned = async (c: Collection<Document>) => c.countDocuments({ institution: { $exists: false } });
    let pending = 0;
    for (const c of collections) pending += await unowned(c);
    const summary: Record<string, unknown> = { documents: 0, settings: 0, droppedIndexes: [] as string[] };
    if (pending > 0) {
      const institution = await ensureHomeInstitution(models, config);
      summary.institution = config.INSTITUTION_CODE;
      // Settings were one document per key, the key as _id.
      const settings = models.Setting.collection as unknown as Collection<Document>;
      for (const old of await settings.find({ institution: { $exists: false }, key: { $exists: false } }).toArray()) {
        await settings.updateOne({ key: String(old._id), institution: institution._id }, { $setOnInsert: { value: old.value, updatedAt: old.updatedAt ?? new Date() } }, { upsert: true });
        await settings.deleteOne({ _id: old._id });
        summary.settings = (summary.settings as number) + 1;
      }
      for (const c of collections) {
        const r = await c.updateMany({ institution: { $exists: false } }, { $set: { institution: institution._id } });
        summary.documents = (summary.documents as number) + r.modifiedCount;
      }
    }
    for (const c of collections) {
      for (const index of await c.listIndexes().toArray().catch(() => [] as Document[])) {
        if (KEPT.has(index.name) || Object.keys(index.key)[0] === 'institution') continue;
        await c.dropIndex(index.name);
        (summary.droppedIndexes as string[]).push(`${c.collectionName}.${index.name}`);
      }
    }
    return summary;
  },
};
