// The synthetic literature's subjects: research topics, each with its own vocabulary (nouns,
// phrases, verbs, adjectives, tags), plus the shared academic words every abstract uses.
// Lists are ordered from most to least frequent: the generator draws from them with Zipf weights.

export type Topic = {
  name: string;
  field: string;
  tags: readonly string[];
  nouns: readonly string[];
  phrases: readonly string[];
  /** Base forms ("reduce"); the generator conjugates them. */
  verbs: readonly string[];
  adjectives: readonly string[];
};

const words = (text: string): string[] => text.trim().split(/\s+/);
const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function topic(
  name: string,
  field: string,
  tags: string,
  nouns: string,
  phrases: string,
  verbs: string,
  adjectives: string,
): Topic {
  return {
    name,
    field,
    tags: list(tags),
    nouns: words(nouns),
    phrases: list(phrases),
    verbs: words(verbs),
    adjectives: words(adjectives),
  };
}

export const TOPICS: readonly Topic[] = [
  topic(
    'language models',
    'machine learning',
    'nlp, language-models, transformers',
    'model token transformer attention pretraining corpus decoder prompt layer context fine-tuning perplexity vocabulary embedding benchmark instruction alignment generation head parameter scaling checkpoint tokenizer sequence distillation hallucination reasoning window rollout adapter curriculum',
    'large language model, in-context learning, chain of thought, instruction tuning, next-token prediction, attention head, context window, reward model, preference optimization, retrieval augmented generation, long-context reasoning, mixture of experts',
    'pretrain fine-tune prompt decode distill align scale generalize tokenize memorize',
    'autoregressive multilingual instruction-tuned sparse dense causal zero-shot few-shot emergent',
  ),
  topic(
    'graph learning',
    'machine learning',
    'graphs, gnn, representation-learning',
    'graph node edge neighborhood message aggregation embedding adjacency subgraph motif pooling readout spectrum laplacian walk community link heterophily homophily hypergraph centrality clustering diffusion partition expressivity isomorphism',
    'graph neural network, message passing, node classification, link prediction, graph transformer, over-smoothing problem, random walk, spectral convolution, knowledge graph completion, graph isomorphism test',
    'aggregate propagate embed partition coarsen sample rewire pool',
    'heterogeneous inductive transductive spectral relational signed dynamic attributed',
  ),
  topic(
    'computer vision',
    'machine learning',
    'vision, images, detection',
    'image pixel object detection segmentation backbone feature patch resolution camera scene video frame mask bounding classification augmentation convolution encoder depth texture illumination keypoint occlusion pose tracking',
    'object detection, semantic segmentation, vision transformer, convolutional neural network, image classification, optical flow, depth estimation, instance segmentation, self-supervised pretraining, visual grounding',
    'detect segment track classify reconstruct render annotate crop',
    'visual pixel-level multi-scale occluded panoptic monocular stereo high-resolution',
  ),
  topic(
    'reinforcement learning',
    'machine learning',
    'reinforcement-learning, control, agents',
    'agent policy reward environment value action state trajectory exploration episode critic return horizon simulator rollout planning transition discount advantage replay curriculum bandit regret demonstration imitation',
    'policy gradient, value function, model-based planning, offline reinforcement learning, multi-agent coordination, reward shaping, exploration bonus, temporal difference learning, actor critic method, sample efficiency',
    'explore exploit plan imitate optimize reward simulate transfer',
    'sparse off-policy on-policy model-free hierarchical stochastic safe cooperative',
  ),
  topic(
    'optimization',
    'machine learning',
    'optimization, training',
    'gradient convergence optimizer step loss momentum rate schedule curvature minimum saddle batch variance noise regularization landscape hessian iteration bound objective penalty constraint sharpness warmup',
    'stochastic gradient descent, learning rate schedule, second-order method, loss landscape, convergence rate, adaptive optimizer, weight decay, batch size scaling, non-convex optimization, gradient clipping',
    'converge minimize regularize accelerate stabilize schedule clip precondition',
    'convex non-convex adaptive stochastic smooth sharp flat distributed',
  ),
  topic(
    'efficient inference',
    'machine learning',
    'efficiency, systems, quantization',
    'inference latency throughput memory quantization pruning kernel accelerator cache compression sparsity bandwidth hardware precision batching compiler speedup footprint energy operator serving',
    'post-training quantization, key-value cache, speculative decoding, structured pruning, mixed precision, memory bandwidth, kernel fusion, low-rank adaptation, edge deployment, model compression',
    'quantize prune compress accelerate serve cache fuse batch',
    'low-bit efficient lightweight on-device memory-bound compute-bound parallel sparse',
  ),
  topic(
    'machine translation',
    'natural language processing',
    'nlp, translation, multilingual',
    'translation language source target sentence bitext alignment decoder lexicon morphology dialect corpus fluency adequacy reference terminology transliteration domain script register',
    'neural machine translation, low-resource language, back translation, parallel corpus, cross-lingual transfer, word alignment, document-level translation, simultaneous translation, quality estimation',
    'translate align transfer adapt transliterate segment',
    'multilingual bilingual low-resource morphological cross-lingual literal idiomatic parallel',
  ),
  topic(
    'question answering',
    'natural language processing',
    'nlp, qa, retrieval',
    'question answer passage retrieval evidence reader retriever document query span hop claim citation fact verification knowledge context ranking index',
    'open-domain question answering, dense passage retrieval, multi-hop reasoning, fact verification, answer extraction, evidence retrieval, reading comprehension, claim verification',
    'retrieve answer rank verify cite extract ground',
    'open-domain extractive abstractive multi-hop factual grounded unanswerable conversational',
  ),
  topic(
    'information retrieval',
    'information retrieval',
    'ir, search, ranking',
    'query document ranking relevance index recall precision retrieval reranker lexical collection judgment click posting inverted term expansion feedback bm25 embedding latency',
    'learning to rank, dense retrieval, query expansion, inverted index, relevance feedback, approximate nearest neighbor search, neural reranking, sparse retrieval, hybrid search',
    'rank retrieve index rerank expand fuse',
    'lexical dense sparse neural relevant approximate hybrid scalable',
  ),
  topic(
    'distributed systems',
    'systems',
    'systems, distributed, consensus',
    'replica consensus node cluster failure partition leader log transaction latency throughput consistency quorum shard fault network membership clock recovery lease snapshot',
    'distributed consensus protocol, byzantine fault tolerance, state machine replication, eventual consistency, leader election, distributed transaction, geo-replicated storage, failure detection',
    'replicate partition recover elect commit shard gossip',
    'byzantine fault-tolerant linearizable consistent geo-distributed asynchronous elastic durable',
  ),
  topic(
    'databases',
    'systems',
    'databases, query-processing, storage',
    'query database index join optimizer storage table column transaction workload cardinality plan buffer page predicate tuple schema compaction lock',
    'query optimization, cardinality estimation, column store, concurrency control, learned index, join ordering, log-structured merge tree, query execution engine',
    'optimize execute index compact materialize vectorize',
    'relational columnar transactional analytical learned adaptive vectorized concurrent',
  ),
  topic(
    'computer security',
    'security',
    'security, privacy, attacks',
    'attack adversary vulnerability exploit defense malware privacy threat authentication encryption leak side-channel fuzzing patch kernel sandbox firmware phishing intrusion botnet',
    'side-channel attack, differential privacy, membership inference, adversarial example, remote code execution, intrusion detection, memory safety, software supply chain, access control policy',
    'exploit defend detect encrypt authenticate fuzz leak mitigate',
    'adversarial malicious private secure robust untrusted verifiable confidential',
  ),
  topic(
    'cryptography',
    'security',
    'cryptography, theory, security',
    'protocol key scheme signature proof encryption lattice commitment hash cipher zero-knowledge adversary reduction circuit randomness security parameter oracle',
    'zero-knowledge proof, homomorphic encryption, lattice-based cryptography, secure multiparty computation, post-quantum signature, public key infrastructure, threshold signature',
    'encrypt sign verify commit prove reduce',
    'post-quantum homomorphic succinct provable interactive non-interactive threshold semantic',
  ),
  topic(
    'algorithms and complexity',
    'theory',
    'theory, algorithms, complexity',
    'algorithm bound complexity problem approximation graph reduction hardness instance polynomial matroid flow cut matching sketch stream oracle hypothesis certificate solver',
    'approximation algorithm, lower bound, polynomial time, streaming algorithm, online algorithm, submodular maximization, sublinear time, fine-grained complexity, parameterized complexity',
    'approximate reduce bound sketch sample decide',
    'polynomial sublinear randomized deterministic approximate tight optimal hard',
  ),
  topic(
    'genomics',
    'biology',
    'genomics, bioinformatics, sequencing',
    'gene genome sequencing variant expression transcript allele locus mutation chromatin methylation read assembly cell regulatory enhancer promoter splicing phenotype cohort haplotype',
    'single-cell RNA sequencing, genome-wide association study, gene regulatory network, copy number variation, chromatin accessibility, long-read sequencing, variant calling, differential expression analysis',
    'sequence express regulate mutate assemble annotate',
    'genomic transcriptomic epigenetic somatic germline regulatory single-cell heritable',
  ),
  topic(
    'protein structure',
    'biology',
    'proteins, structural-biology, bioinformatics',
    'protein structure residue folding sequence binding ligand domain conformation complex interface backbone docking enzyme pocket mutation stability antibody peptide',
    'protein structure prediction, protein language model, molecular dynamics simulation, binding affinity, de novo protein design, protein-protein interaction, cryo-electron microscopy',
    'fold bind dock design stabilize simulate',
    'structural conformational catalytic allosteric thermostable disordered membrane-bound binding',
  ),
  topic(
    'neuroscience',
    'biology',
    'neuroscience, brain, cognition',
    'neuron cortex brain spike circuit synapse activity memory region stimulus plasticity hippocampus recording oscillation connectivity behavior dopamine firing',
    'neural population dynamics, synaptic plasticity, functional connectivity, working memory, spike sorting, visual cortex, reward prediction error, calcium imaging, brain-computer interface',
    'encode fire stimulate record modulate consolidate',
    'cortical synaptic neural excitatory inhibitory hippocampal sensory cognitive',
  ),
  topic(
    'epidemiology',
    'medicine',
    'epidemiology, public-health, medicine',
    'infection transmission incidence cohort mortality risk outbreak vaccine population exposure surveillance prevalence hospitalization case contact intervention pathogen strain',
    'randomized controlled trial, vaccine effectiveness, transmission dynamics, case fatality rate, cohort study, contact tracing, disease surveillance, basic reproduction number',
    'transmit vaccinate infect estimate screen hospitalize',
    'infectious epidemic asymptomatic longitudinal retrospective prospective seasonal endemic',
  ),
  topic(
    'medical imaging',
    'medicine',
    'medical-imaging, radiology, health',
    'scan lesion tumor radiologist segmentation mri diagnosis patient slice contrast biopsy screening tissue organ modality reconstruction nodule',
    'magnetic resonance imaging, computed tomography, tumor segmentation, computer-aided diagnosis, lesion detection, image reconstruction, whole slide image, diagnostic accuracy',
    'diagnose scan segment screen delineate grade',
    'clinical diagnostic malignant benign volumetric radiological histopathological multimodal',
  ),
  topic(
    'climate science',
    'earth science',
    'climate, earth-science, environment',
    'climate temperature precipitation warming emission carbon ocean ice atmosphere aerosol model forcing drought scenario sea circulation anomaly reanalysis',
    'climate model projection, sea level rise, carbon dioxide emission, extreme weather events, ocean heat content, radiative forcing, downscaled projection, sea ice loss',
    'warm emit project simulate downscale observe',
    'anthropogenic atmospheric oceanic regional global extreme seasonal decadal',
  ),
  topic(
    'materials science',
    'physics',
    'materials, chemistry, physics',
    'material crystal alloy lattice phase defect grain conductivity thin-film battery electrolyte catalyst polymer surface synthesis composite strain',
    'density functional theory, solid-state electrolyte, high-entropy alloy, thin film growth, phase transition, lithium-ion battery, catalyst design, grain boundary',
    'synthesize anneal dope deposit characterize catalyze',
    'crystalline amorphous porous conductive ferroelectric metastable layered nanostructured',
  ),
  topic(
    'quantum computing',
    'physics',
    'quantum, computing, physics',
    'qubit circuit gate noise entanglement error state hamiltonian measurement fidelity decoherence simulation algorithm annealer photon superconducting',
    'quantum error correction, variational quantum eigensolver, quantum advantage, surface code, noisy intermediate-scale quantum, quantum circuit simulation, logical qubit',
    'entangle measure simulate correct encode decohere',
    'quantum variational fault-tolerant noisy coherent superconducting photonic topological',
  ),
  topic(
    'astrophysics',
    'physics',
    'astrophysics, cosmology, physics',
    'galaxy star halo redshift supernova cluster dark luminosity spectrum telescope survey black hole merger lensing emission accretion',
    'dark matter halo, gravitational wave, cosmic microwave background, galaxy formation, weak gravitational lensing, active galactic nucleus, stellar population, exoplanet atmosphere',
    'observe emit accrete merge detect constrain',
    'cosmological stellar galactic relativistic luminous primordial interstellar gravitational',
  ),
  topic(
    'robotics',
    'robotics',
    'robotics, control, manipulation',
    'robot manipulation grasp controller trajectory sensor locomotion arm gripper planner contact actuator odometry terrain legged force torque',
    'robotic manipulation, motion planning, legged locomotion, sim-to-real transfer, visual servoing, simultaneous localization and mapping, imitation from demonstrations, whole-body control',
    'grasp navigate plan actuate localize manipulate',
    'robotic dexterous autonomous legged compliant collision-free real-time mobile',
  ),
  topic(
    'autonomous driving',
    'robotics',
    'autonomous-driving, perception, safety',
    'vehicle lidar driving pedestrian lane trajectory perception map scene occupancy forecasting sensor traffic intersection planner radar',
    'trajectory forecasting, bird eye view, 3d object detection, end-to-end driving, motion prediction, sensor fusion, occupancy prediction, closed-loop simulation',
    'drive forecast perceive fuse localize brake',
    'autonomous urban multimodal safety-critical long-horizon interactive dynamic occluded',
  ),
  topic(
    'economics',
    'social science',
    'economics, markets, policy',
    'market price demand supply policy labor wage firm consumer tax inflation auction welfare trade equilibrium incentive household elasticity',
    'labor market outcomes, monetary policy, mechanism design, price discrimination, minimum wage, causal identification, difference in differences, general equilibrium',
    'price tax trade allocate bid estimate',
    'economic fiscal monetary causal competitive strategic welfare-improving heterogeneous',
  ),
  topic(
    'human-computer interaction',
    'human-computer interaction',
    'hci, user-study, interfaces',
    'user interface participant study interaction design usability prototype feedback accessibility task workload survey interview visualization gesture',
    'user study, accessibility tool, mixed-methods evaluation, participatory design, conversational agent, information visualization, think-aloud protocol, cognitive load',
    'design interview prototype evaluate visualize assist',
    'interactive accessible collaborative qualitative usable wearable immersive participatory',
  ),
  topic(
    'software engineering',
    'software engineering',
    'software-engineering, programs, testing',
    'code program bug test repository developer commit refactoring compiler type specification patch dependency build coverage fault review',
    'automated program repair, code generation, static analysis, unit test generation, fault localization, code review, type inference, continuous integration',
    'repair test refactor compile verify review',
    'static dynamic automated formal executable incremental flaky semantic',
  ),
  topic(
    'speech',
    'natural language processing',
    'speech, audio, asr',
    'speech audio speaker utterance acoustic recognition phoneme waveform prosody transcription noise spectrogram voice dialect vocoder',
    'automatic speech recognition, text to speech, speaker verification, speech enhancement, self-supervised speech representation, voice conversion, spoken language understanding',
    'transcribe synthesize enhance recognize separate',
    'acoustic spoken noisy end-to-end streaming expressive multilingual far-field',
  ),
  topic(
    'fairness and ethics',
    'machine learning',
    'fairness, ethics, society',
    'bias fairness group disparity harm audit demographic accountability stereotype discrimination transparency subgroup policy consent representation',
    'algorithmic fairness, demographic parity, bias mitigation, model auditing, equal opportunity, disparate impact, value alignment, responsible deployment',
    'audit mitigate discriminate disclose debias',
    'fair biased demographic equitable accountable transparent sociotechnical marginalized',
  ),
  topic(
    'time series',
    'machine learning',
    'time-series, forecasting, statistics',
    'forecast series horizon seasonality trend anomaly lag signal sensor window covariate demand residual frequency regime',
    'time series forecasting, anomaly detection, probabilistic forecasting, long-horizon prediction, change point detection, multivariate time series, state space model',
    'forecast detect decompose smooth impute',
    'temporal seasonal multivariate probabilistic irregular nonstationary long-horizon periodic',
  ),
] as const;

/** Words every abstract shares, whatever its topic. */
export const ACADEMIC = {
  nouns: words(
    'method approach results framework performance analysis experiments evaluation baseline dataset accuracy study data task setting problem improvement work model variant component design benchmark error cost trade-off limitation',
  ),
  verbs: words(
    'propose introduce present show demonstrate evaluate analyze study improve reduce outperform achieve reveal compare',
  ),
  adjectives: words(
    'novel simple effective efficient robust scalable general practical strong significant consistent competitive principled unified',
  ),
  quantities: words('several three five multiple two four large diverse standard public'),
} as const;

/** Syllables for the long tail of rare names (methods, datasets, genes, instruments) that real abstracts carry. */
export const SYLLABLES = words(
  'ka ro ven tal mi sor dex lu pra nor ti vex zan qui bel mor fen dra cor lin tho vas gri pel nex sun ori ami',
);
