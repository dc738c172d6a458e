import type { SinkConfig } from '../config.ts';
import type { Sink } from './sink.ts';
import { webhookSink } from './webhook-sink.ts';
import { splunkSink } from './splunk-sink.ts';
import { mispSink } from './misp-sink.ts';

export function makeSinks(configs: readonly SinkConfig[]): Sink[] {
  return configs.map((config) => {
    switch (config.type) {
      case 'webhook':
        return webhookSink(config);
      case 'splunk':
        return splunkSink(config);
      case 'misp':
        return mispSink(config);
    }
  });
}
