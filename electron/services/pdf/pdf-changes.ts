// What changed in a PDF after a signature (issue 8 point 2). The revision the signature covers is compared
// with the final one object by object. Allowed, as in Adobe Reader's and PAdES' rules for a signed document:
// later signatures (the signature dictionary, its signature field/widget and that field's appearance), the
// /Annots and /AcroForm /Fields entries growing by exactly those fields, /SigFlags, and validation data (/DSS
// in the catalog and what it refers to). Anything else — a replaced page, a changed annotation, form field or
// catalog entry, a deleted object, an object hidden in an object stream — is a change after signing.
import type { IndirectObject, PdfValue } from './pdf-syntax';
import { dictGet, nameOf, PdfSyntaxError, readObjectAt, valueKey } from './pdf-syntax';
import type { Revision, XrefEntry } from './pdf-xref';
import { readRevision, startXrefBefore } from './pdf-xref';

export interface PdfChange {
  object: number;
  /** /Type (or /Subtype, /FT) of the object, when it has one. */
  type: string | undefined;
  what: 'added' | 'replaced' | 'deleted' | 'compressed' | 'root-replaced' | 'unreadable' | 'trailing-bytes';
  /** The changed dictionary keys of a replaced object. */
  keys: string[];
  /** For 'unreadable': why. */
  detail?: string;
}

export interface ChangesAfterSignature {
  /** Later signatures added after this one (counted by their signature dictionaries). */
  laterSignatures: number;
  /** Validation data (/DSS) was added. */
  validationData: boolean;
  /** Changes that are not allowed after a signature; empty when the document is as signed. */
  disallowed: PdfChange[];
}

function sameEntry(a: XrefEntry | undefined, b: XrefEntry | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.type === 'free' || b.type === 'free') return a.type === b.type;
  if (a.type === 'offset' && b.type === 'offset') return a.offset === b.offset && a.gen === b.gen;
  if (a.type === 'compressed' && b.type === 'compressed') return a.stream === b.stream && a.index === b.index;
  return false;
}

function typeOf(value: PdfValue | undefined): string | undefined {
  return nameOf(dictGet(value, 'Type')) ?? nameOf(dictGet(value, 'FT')) ?? nameOf(dictGet(value, 'Subtype'));
}

function refsIn(value: PdfValue | undefined, into: number[]): void {
  if (value === undefined) return;
  if (value.kind === 'ref') into.push(value.num);
  else if (value.kind === 'array') for (const item of value.items) refsIn(item, into);
  else if (value.kind === 'dict') for (const item of value.entries.values()) refsIn(item, into);
}

/** The comparison of the signed revision (ending at `signedEnd`) with the whole file. */
export function changesAfterSignature(bytes: Uint8Array, signedEnd: number): ChangesAfterSignature {
  const result: ChangesAfterSignature = { laterSignatures: 0, validationData: false, disallowed: [] };
  if (signedEnd >= bytes.length) return result;
  const signedBytes = bytes.subarray(0, signedEnd);
  let before: Revision;
  let after: Revision;
  try {
    before = readRevision(signedBytes, startXrefBefore(signedBytes, signedEnd));
    after = readRevision(bytes, startXrefBefore(bytes, bytes.length));
  } catch (error) {
    const detail = error instanceof PdfSyntaxError ? error.message : String(error);
    result.disallowed.push({ object: 0, type: undefined, what: 'unreadable', keys: [], detail });
    return result;
  }
  // Bytes after the signature that are not an update (no new cross-reference section): the file is not as signed.
  const trailing = Buffer.from(bytes.subarray(signedEnd)).toString('latin1');
  if (startXrefBefore(bytes, bytes.length) < signedEnd && /\S/.test(trailing)) {
    result.disallowed.push({ object: 0, type: undefined, what: 'trailing-bytes', keys: [] });
  }
  const oldObjects = new Map<number, IndirectObject>();
  const newObjects = new Map<number, IndirectObject>();
  const changed: number[] = [];
  for (const num of new Set([...before.entries.keys(), ...after.entries.keys()])) {
    if (num === 0 || sameEntry(before.entries.get(num), after.entries.get(num))) continue;
    changed.push(num);
  }
  changed.sort((a, b) => a - b);
  const read = (source: Uint8Array, entry: XrefEntry | undefined): IndirectObject | undefined =>
    entry?.type === 'offset' ? readObjectAt(source, entry.offset) : undefined;
  for (const num of changed) {
    const newEntry = after.entries.get(num);
    try {
      const oldObject = read(signedBytes, before.entries.get(num));
      if (oldObject) oldObjects.set(num, oldObject);
      if (newEntry === undefined || newEntry.type === 'free') {
        if (oldObject) result.disallowed.push({ object: num, type: typeOf(oldObject.value), what: 'deleted', keys: [] });
        continue;
      }
      if (newEntry.type === 'compressed') {
        result.disallowed.push({ object: num, type: undefined, what: 'compressed', keys: [] });
        continue;
      }
      const newObject = read(bytes, newEntry);
      if (newObject) newObjects.set(num, newObject);
    } catch (error) {
      result.disallowed.push({ object: num, type: undefined, what: 'unreadable', keys: [], detail: error instanceof Error ? error.message : String(error) });
    }
  }
  const rootBefore = valueKey(dictGet(before.trailer, 'Root'));
  const root = dictGet(after.trailer, 'Root');
  if (valueKey(root) !== rootBefore) result.disallowed.push({ object: 0, type: 'Catalog', what: 'root-replaced', keys: [] });

  const isNew = (num: number) => newObjects.has(num) && !oldObjects.has(num);
  const allowed = new Set<number>();
  // Reachable new objects from `start`: a signature's appearance, the validation data.
  const allowReachable = (start: PdfValue | undefined) => {
    const queue: number[] = [];
    refsIn(start, queue);
    while (queue.length > 0) {
      const num = queue.pop() ?? 0;
      if (allowed.has(num) || !isNew(num)) continue;
      allowed.add(num);
      refsIn(newObjects.get(num)?.value, queue);
    }
  };
  const sigFields = new Set<number>();
  for (const [num, { value }] of newObjects) {
    if (!isNew(num)) continue;
    const type = nameOf(dictGet(value, 'Type'));
    if ((type === 'Sig' || type === 'DocTimeStamp') && dictGet(value, 'ByteRange') && dictGet(value, 'Contents')) {
      allowed.add(num);
      result.laterSignatures += 1;
    } else if (nameOf(dictGet(value, 'FT')) === 'Sig') {
      allowed.add(num);
      sigFields.add(num);
      allowReachable(dictGet(value, 'AP'));
    } else if (type === 'XRef') allowed.add(num);
  }
  const dss = dictGet(root?.kind === 'ref' ? newObjects.get(root.num)?.value : undefined, 'DSS');
  if (dss) {
    result.validationData = true;
    if (dss.kind === 'ref' && isNew(dss.num)) allowed.add(dss.num);
    allowReachable(dss.kind === 'ref' ? newObjects.get(dss.num)?.value : dss);
  }

  // A reference is followed in its own revision (the object itself may be unchanged, so not in the maps above).
  const lookup = (source: Uint8Array, revision: Revision, table: Map<number, IndirectObject>, num: number): PdfValue | undefined => {
    const known = table.get(num);
    if (known) return known.value;
    try {
      return read(source, revision.entries.get(num))?.value;
    } catch {
      // An unreadable target compares as missing, which the caller reports as a change.
      return undefined;
    }
  };
  const resolveOld = (value: PdfValue | undefined) => (value?.kind === 'ref' ? lookup(signedBytes, before, oldObjects, value.num) : value);
  const resolveNew = (value: PdfValue | undefined) => (value?.kind === 'ref' ? lookup(bytes, after, newObjects, value.num) : value);
  /** An array may only grow by new signature fields (/Annots of a page, /Fields of the AcroForm). */
  const onlySigFieldsAdded = (oldArray: PdfValue | undefined, newArray: PdfValue | undefined): boolean => {
    const oldItems = resolveOld(oldArray);
    const newItems = resolveNew(newArray);
    let ok = valueKey(oldItems) === valueKey(newItems);
    if (!ok) {
      const olds = oldItems === undefined ? [] : oldItems.kind === 'array' ? oldItems.items.map(valueKey) : undefined;
      if (olds === undefined || newItems?.kind !== 'array') return false;
      const remaining = [...olds];
      ok = newItems.items.every((item) => {
        const at = remaining.indexOf(valueKey(item));
        if (at >= 0) remaining.splice(at, 1);
        return at >= 0 || (item.kind === 'ref' && sigFields.has(item.num));
      });
      ok &&= remaining.length === 0;
    }
    // The array itself may be a new object (moved out of the dictionary): it is then part of this change.
    if (ok && newArray?.kind === 'ref' && isNew(newArray.num)) allowed.add(newArray.num);
    return ok;
  };
  type Rule = 'ignore' | 'grow' | 'acroform';
  const changedKeys = (oldValue: PdfValue, newValue: PdfValue, rules: Readonly<Record<string, Rule>>): string[] => {
    if (oldValue.kind !== 'dict' || newValue.kind !== 'dict') return valueKey(oldValue) === valueKey(newValue) ? [] : ['(value)'];
    const keys = new Set([...oldValue.entries.keys(), ...newValue.entries.keys()]);
    return [...keys].sort().filter((key) => {
      const a = oldValue.entries.get(key);
      const b = newValue.entries.get(key);
      switch (rules[key]) {
        case undefined:
          return valueKey(a) !== valueKey(b);
        case 'ignore':
          return false;
        case 'grow':
          return !onlySigFieldsAdded(a, b);
        case 'acroform':
          return !acroFormOk(a, b);
      }
    });
  };
  const acroFormOk = (a: PdfValue | undefined, b: PdfValue | undefined): boolean => {
    const oldForm = resolveOld(a);
    const newForm = resolveNew(b);
    if (valueKey(oldForm) === valueKey(newForm)) return true;
    if (newForm?.kind !== 'dict') return false;
    const ok = changedKeys(oldForm ?? { kind: 'dict', entries: new Map() }, newForm, { Fields: 'grow', SigFlags: 'ignore' }).length === 0;
    if (ok && b?.kind === 'ref' && isNew(b.num)) allowed.add(b.num);
    return ok;
  };
  const streamData = (source: Uint8Array, object: IndirectObject): string | undefined => {
    const length = dictGet(object.value, 'Length');
    if (object.streamStart === undefined || length?.kind !== 'number') return undefined;
    return Buffer.from(source.subarray(object.streamStart, object.streamStart + length.value)).toString('latin1');
  };
  // Objects that existed when the signature was made: what may differ depends on what they are.
  for (const [num, newObject] of newObjects) {
    const oldObject = oldObjects.get(num);
    if (!oldObject || allowed.has(num)) continue;
    const oldValue = oldObject.value;
    const newValue = newObject.value;
    const type = typeOf(oldValue);
    let keys: string[];
    if (root?.kind === 'ref' && num === root.num) keys = changedKeys(oldValue, newValue, { DSS: 'ignore', Extensions: 'ignore', AcroForm: 'acroform' });
    else if (oldValue.kind === 'array') keys = onlySigFieldsAdded(oldValue, newValue) ? [] : ['(items)'];
    else if (type === 'Page') keys = changedKeys(oldValue, newValue, { Annots: 'grow' });
    else if (dictGet(oldValue, 'Fields') !== undefined) keys = changedKeys(oldValue, newValue, { Fields: 'grow', SigFlags: 'ignore' });
    else {
      keys = changedKeys(oldValue, newValue, {});
      const oldData = streamData(signedBytes, oldObject);
      if (keys.length === 0 && (oldData !== undefined || newObject.streamStart !== undefined) && oldData !== streamData(bytes, newObject)) keys = ['(stream data)'];
    }
    if (keys.length > 0) result.disallowed.push({ object: num, type, what: 'replaced', keys });
  }
  // New objects that are not part of a later signature or its validation data.
  for (const [num, newObject] of newObjects) {
    if (isNew(num) && !allowed.has(num)) result.disallowed.push({ object: num, type: typeOf(newObject.value), what: 'added', keys: [] });
  }
  result.disallowed.sort((a, b) => a.object - b.object);
  return result;
}
