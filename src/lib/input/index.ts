/**
 * Bytes in → text or records out. The small part the page needs before it hands a file to the
 * worker (kind, size limits, encoding of small text files); file.ts holds the sliced readers.
 */
export { decodeBytes, guessEncoding, ENCODING_LABEL, TRIED, type DecodedText, type TextEncodingName } from './encoding.ts';
export { sniff, refusalMessage, SNIFF_BYTES, INLINE_TEXT_BYTES, MAX_TEXT_BYTES, MAX_EVTX_BYTES, type FileKind } from './sniff.ts';
