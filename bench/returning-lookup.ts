/**
 * Returning-visitor look-ups with 20,000 remembered visitors (issue #10: < 50 ms). Builds a profile
 * store of PROFILES visitors (written as the store writes it, sealed with AES-256-GCM standing in
 * for the OS keyring), opens it as the app does at start, then times LOOKUPS look-ups of each kind:
 * reception by phone and by document (keyed hash + index), the kiosk's phone + document tail (opens
 * one sealed record), the one-tap pre-fill (opens the record and reads the sealed photo file), and
 * one "remember" (rewrites the index). Prints median, p95 and max in milliseconds.
 */
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chineseIdCheckDigit } from '../src-preload/contract';
import { matchKeysWith } from '../src-main/services/personal-data/match-key';
import type { StoredProfile } from '../src-main/services/personal-data/profile-files';
import { VisitorProfiles } from '../src-main/services/personal-data/visitor-profiles';
import { memoryLogger, type SecretBox } from '../src-main/services/ports';
import { maskPhone } from '../src-main/services/visits/ledger';
import { TINY_JPEG } from '../src-main/k30/simulator/photos';

const PROFILES = Number(process.env.PROFILES ?? 20_000);
const LOOKUPS = Number(process.env.LOOKUPS ?? 1_000);

/** AES-256-GCM, so opening a record costs about what a real keyring-backed box does in-process. */
function gcmBox(): SecretBox {
  const key = randomBytes(32);
  return {
    protection: 'os',
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      const raw = Buffer.from(sealed, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const phoneOf = (i: number) => `139${String(i).padStart(8, '0')}`;
const idOf = (i: number) => {
  const first17 = `1101011990${String(i % 1_000_000)
    .padStart(6, '0')
    .slice(0, 2)}${String((i % 28) + 1).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`.slice(0, 17);
  return first17 + chineseIdCheckDigit(first17);
};

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms, max ${sorted[sorted.length - 1].toFixed(3)} ms`;
}

async function time(label: string, n: number, run: (i: number) => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  console.log(`${label.padEnd(38)} ${stats(samples)}`);
  return samples;
}

const dir = await mkdtemp(join(tmpdir(), 'bench-profiles-'));
try {
  const box = gcmBox();
  const keys = matchKeysWith(randomBytes(32).toString('hex'));
  const now = new Date();
  const photo = TINY_JPEG.toString('base64');
  const profiles: StoredProfile[] = [];
  await mkdir(join(dir, 'photos'), { recursive: true });
  for (let i = 0; i < PROFILES; i++) {
    const phone = phoneOf(i);
    const documentNo = idOf(i);
    const id = randomUUID();
    const withPhoto = i % 2 === 0;
    profiles.push({
      id,
      name: `访客${i}`,
      documentType: 'id-card',
      phoneMasked: maskPhone(phone),
      phoneKey: keys.phone(phone),
      documentKey: keys.document(documentNo),
      sealed: box.seal(JSON.stringify({ phone, documentNo, carno: '' })),
      host: { no: 'P1', name: '张伟', deptname: '研发部', phoneTail: '' },
      lastVisitAt: new Date(now.getTime() - (i % 80) * 86_400_000).toISOString(),
      consentAt: now.toISOString(),
      ...(withPhoto ? { photoAt: now.toISOString() } : {}),
    });
    if (withPhoto && i < 2 * LOOKUPS) await writeFile(join(dir, 'photos', `${id}.jpg.sealed`), box.seal(photo));
  }
  await writeFile(join(dir, 'profiles.json'), JSON.stringify({ version: 1, profiles }));

  const openStart = performance.now();
  const store = await VisitorProfiles.open({ dir, box, keys, log: memoryLogger(), retentionDays: () => 90, photoDays: () => 30, now: () => now });
  console.log(`returning-visitor profiles: ${store.size} stored, opened in ${(performance.now() - openStart).toFixed(0)} ms; ${LOOKUPS} look-ups each`);

  const pick = (i: number) => (i * 7919) % PROFILES;
  await time('reception, by phone (as typed)', LOOKUPS, (i) => {
    const p = phoneOf(pick(i));
    if (!store.offer({ phone: `${p.slice(0, 3)} ${p.slice(3, 7)} ${p.slice(7)}` })) throw new Error('not found');
  });
  await time('reception, by document number', LOOKUPS, (i) => {
    if (!store.offer({ documentNo: idOf(pick(i)) })) throw new Error('not found');
  });
  await time('reception, a number never seen', LOOKUPS, (i) => {
    if (store.offer({ phone: `137${String(i).padStart(8, '0')}` })) throw new Error('found');
  });
  await time('kiosk, full phone + document tail', LOOKUPS, (i) => {
    if (!store.kioskOffer(phoneOf(pick(i)), idOf(pick(i)).slice(-4))) throw new Error('not found');
  });
  await time('one-tap pre-fill (with photo file)', LOOKUPS, async (i) => {
    const offer = store.offer({ phone: phoneOf(2 * (i % LOOKUPS)) });
    await store.prefill(offer!.profileId);
  });
  await time(`remember one visitor (index of ${PROFILES})`, 5, (i) =>
    store.remember(
      {
        name: 'x',
        phone: phoneOf(i),
        documentType: 'id-card',
        documentNo: idOf(i),
        hostNo: 'P1',
        hostName: '张伟',
        begin: '',
        end: '',
        photo,
        deviceNos: ['D'],
        channel: 'reception',
      },
      false,
    ),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
