import { extractPhones } from './shared/phone/index.ts';
console.log(extractPhones([{ id: 'b', text: 'Ring 00 1 804 713 4598 or 00 44 20 7946 0958 or 020 7946 0958' }], { defaultRegion: 'GB' }).phones.map((p) => [p.e164, p.raw]));
