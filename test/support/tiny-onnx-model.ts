// Writes a tiny BERT-shaped model folder (config, WordPiece tokenizer, ONNX graph with seeded
// random weights) that @huggingface/transformers loads like a real one, so tests never download:
// a feature extractor (the embedder's path) or a three-label sequence classifier (the NLI judge's).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import protobuf from 'protobufjs';
import { createSeededRandom } from '../../core/seeded-random.ts';

// The subset of onnx.proto (ONNX IR) this model needs; field numbers as in onnx/onnx.proto.
const ONNX_PROTO = `
syntax = "proto2";
package onnx;
message AttributeProto {
  enum AttributeType { UNDEFINED = 0; FLOAT = 1; INT = 2; STRING = 3; TENSOR = 4; GRAPH = 5; FLOATS = 6; INTS = 7; }
  optional string name = 1;
  optional AttributeType type = 20;
  optional float f = 2;
  optional int64 i = 3;
  optional bytes s = 4;
  optional TensorProto t = 5;
  optional GraphProto g = 6;
  repeated float floats = 7;
  repeated int64 ints = 8;
}
message ValueInfoProto {
  optional string name = 1;
  optional TypeProto type = 2;
}
message NodeProto {
  repeated string input = 1;
  repeated string output = 2;
  optional string name = 3;
  optional string op_type = 4;
  optional string domain = 7;
  repeated AttributeProto attribute = 5;
}
message ModelProto {
  optional int64 ir_version = 1;
  repeated OperatorSetIdProto opset_import = 8;
  optional string producer_name = 2;
  optional GraphProto graph = 7;
}
message GraphProto {
  repeated NodeProto node = 1;
  optional string name = 2;
  repeated TensorProto initializer = 5;
  repeated ValueInfoProto input = 11;
  repeated ValueInfoProto output = 12;
}
message TensorProto {
  repeated int64 dims = 1;
  optional int32 data_type = 2;
  repeated int64 int64_data = 7;
  optional string name = 8;
  optional bytes raw_data = 9;
}
message TensorShapeProto {
  message Dimension {
    oneof value {
      int64 dim_value = 1;
      string dim_param = 2;
    }
  }
  repeated Dimension dim = 1;
}
message TypeProto {
  message Tensor {
    optional int32 elem_type = 1;
    optional TensorShapeProto shape = 2;
  }
  oneof value {
    Tensor tensor_type = 1;
  }
}
message OperatorSetIdProto {
  optional string domain = 1;
  optional int64 version = 2;
}
`;

const FLOAT = 1;
const INT64 = 7;
const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');
/** Every lowercase ASCII word can be spelled with these, so no text is all [UNK]. */
const DEFAULT_VOCAB = [
  ...LETTERS,
  ...LETTERS.map((letter) => `##${letter}`),
  ...['attention', 'transformer', 'model', 'paper', 'search', 'query', 'the', 'of', 'and', 'a', 'to', 'in', 'for'],
  ...['represent', 'this', 'sentence', 'searching', 'relevant', 'passages', ':', '.', ',', '##s', '##ing', '##ed'],
];

export type TinyBertOptions = {
  /** Width of the output vectors (default 16). */
  hiddenSize?: number;
  /** Word pieces after the five special tokens (default: letters, their ## forms and some words). */
  vocab?: string[];
  /** Folder name inside `dir` (default 'tiny-bert'). */
  name?: string;
  /** Seed of the random weights (default 1). */
  seed?: number;
};

/** Writes the model into `<dir>/<name>` and returns that folder. */
export async function writeTinyBertModel(dir: string, options: TinyBertOptions = {}): Promise<string> {
  return writeModelFolder(dir, options.name ?? 'tiny-bert', options, undefined);
}

export type TinyNliOptions = TinyBertOptions & {
  /** config.json's id2label (default: entailment, neutral, contradiction in that order). */
  id2label?: Record<string, string>;
  /** Scale of the seeded classifier weights; 0 makes the logits equal `bias` for every input (default 1). */
  classifierScale?: number;
  /** Added to the three logits (default 0, 0, 0). */
  bias?: [number, number, number];
};

/**
 * Writes a tiny sequence classifier with three logits: logits = ReduceSum(last_hidden_state over
 * tokens) · classifier + bias. Padding adds zero vectors, so a pair scores the same alone or in a batch.
 */
export async function writeTinyNliModel(dir: string, options: TinyNliOptions = {}): Promise<string> {
  return writeModelFolder(dir, options.name ?? 'tiny-nli', options, {
    id2label: options.id2label ?? { '0': 'entailment', '1': 'neutral', '2': 'contradiction' },
    scale: options.classifierScale ?? 1,
    bias: options.bias ?? [0, 0, 0],
  });
}

type Classifier = { id2label: Record<string, string>; scale: number; bias: [number, number, number] };

async function writeModelFolder(
  dir: string,
  name: string,
  options: TinyBertOptions,
  classifier: Classifier | undefined,
): Promise<string> {
  const hiddenSize = options.hiddenSize ?? 16;
  const vocab = [...SPECIAL_TOKENS, ...(options.vocab ?? DEFAULT_VOCAB)];
  const folder = path.join(dir, name);
  await mkdir(path.join(folder, 'onnx'), { recursive: true });
  await writeFile(
    path.join(folder, 'config.json'),
    JSON.stringify({
      model_type: 'bert',
      architectures: [classifier ? 'BertForSequenceClassification' : 'BertModel'],
      hidden_size: hiddenSize,
      vocab_size: vocab.length,
      ...(classifier
        ? {
            id2label: classifier.id2label,
            label2id: Object.fromEntries(Object.entries(classifier.id2label).map(([id, label]) => [label, Number(id)])),
          }
        : {}),
    }),
  );
  await writeFile(path.join(folder, 'tokenizer.json'), JSON.stringify(tokenizerJson(vocab)));
  await writeFile(
    path.join(folder, 'tokenizer_config.json'),
    JSON.stringify({
      tokenizer_class: 'BertTokenizer',
      do_lower_case: true,
      model_max_length: 512,
      pad_token: '[PAD]',
      unk_token: '[UNK]',
      cls_token: '[CLS]',
      sep_token: '[SEP]',
      mask_token: '[MASK]',
    }),
  );
  await writeFile(
    path.join(folder, 'onnx', 'model.onnx'),
    onnxModel(vocab.length, hiddenSize, options.seed ?? 1, classifier),
  );
  return folder;
}

function tokenizerJson(vocab: readonly string[]) {
  const special = (token: string) => ({ id: token, type_id: 0 });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: special('[CLS]') },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: special('[SEP]') },
      ],
      pair: [
        { SpecialToken: special('[CLS]') },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: special('[SEP]') },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((token, id) => [token, id])),
    },
  };
}

/**
 * last_hidden_state = (Gather(word_emb, input_ids) + Gather(type_emb, token_type_ids))
 *                     * Unsqueeze(Cast(attention_mask, float), -1)
 * and, for a classifier, logits = MatMul(ReduceSum(last_hidden_state, axes [1]), classifier) + bias.
 */
function onnxModel(vocabSize: number, hiddenSize: number, seed: number, classifier?: Classifier): Uint8Array {
  const root = protobuf.parse(ONNX_PROTO, { keepCase: true }).root;
  const ModelProto = root.lookupType('onnx.ModelProto');
  const random = createSeededRandom(seed);
  const floats = (count: number) => {
    const values = new Float32Array(count);
    for (let i = 0; i < count; i++) values[i] = random.uniform() * 2 - 1;
    return Buffer.from(values.buffer);
  };
  const tokens = (name: string) => ({
    name,
    type: {
      tensor_type: {
        elem_type: INT64,
        shape: { dim: [{ dim_param: 'batch_size' }, { dim_param: 'sequence_length' }] },
      },
    },
  });
  const node = (op_type: string, input: string[], output: string, attribute: object[] = []) => ({
    op_type,
    input,
    output: [output],
    name: output,
    attribute,
  });
  const model = {
    ir_version: 8,
    producer_name: 'citelens-tests',
    opset_import: [{ domain: '', version: 17 }],
    graph: {
      name: 'tiny-bert',
      initializer: [
        { name: 'word_emb', dims: [vocabSize, hiddenSize], data_type: FLOAT, raw_data: floats(vocabSize * hiddenSize) },
        { name: 'type_emb', dims: [2, hiddenSize], data_type: FLOAT, raw_data: floats(2 * hiddenSize) },
        { name: 'last_axis', dims: [1], data_type: INT64, int64_data: [-1] },
      ],
      node: [
        node('Gather', ['word_emb', 'input_ids'], 'words'),
        node('Gather', ['type_emb', 'token_type_ids'], 'types'),
        node('Add', ['words', 'types'], 'summed'),
        node('Cast', ['attention_mask'], 'mask', [{ name: 'to', type: 2, i: FLOAT }]),
        node('Unsqueeze', ['mask', 'last_axis'], 'mask3'),
        node('Mul', ['summed', 'mask3'], 'last_hidden_state'),
      ],
      input: [tokens('input_ids'), tokens('attention_mask'), tokens('token_type_ids')],
      output: [
        {
          name: 'last_hidden_state',
          type: {
            tensor_type: {
              elem_type: FLOAT,
              shape: {
                dim: [{ dim_param: 'batch_size' }, { dim_param: 'sequence_length' }, { dim_value: hiddenSize }],
              },
            },
          },
        },
      ],
    },
  };
  if (classifier) {
    const weights = new Float32Array(hiddenSize * 3);
    for (let i = 0; i < weights.length; i++) weights[i] = (random.uniform() * 2 - 1) * classifier.scale;
    model.graph.initializer.push(
      { name: 'classifier', dims: [hiddenSize, 3], data_type: FLOAT, raw_data: Buffer.from(weights.buffer) },
      { name: 'bias', dims: [3], data_type: FLOAT, raw_data: Buffer.from(Float32Array.from(classifier.bias).buffer) },
      { name: 'token_axis', dims: [1], data_type: INT64, int64_data: [1] },
    );
    model.graph.node.push(
      node('ReduceSum', ['last_hidden_state', 'token_axis'], 'pooled', [{ name: 'keepdims', type: 2, i: 0 }]),
      node('MatMul', ['pooled', 'classifier'], 'scores'),
      node('Add', ['scores', 'bias'], 'logits'),
    );
    model.graph.output = [
      {
        name: 'logits',
        type: {
          tensor_type: {
            elem_type: FLOAT,
            shape: { dim: [{ dim_param: 'batch_size' }, { dim_value: 3 }] },
          },
        },
      },
    ];
  }
  return ModelProto.encode(ModelProto.fromObject(model)).finish();
}
