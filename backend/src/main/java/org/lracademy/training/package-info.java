/**
 * Models, data sets, optimisers and the training loop on DJL's PyTorch engine. The loop drives
 * libtorch directly (forward, backward and the optimiser update on whole tensors) instead of DJL's
 * {@code Trainer}, so that each step costs a few native calls, and it keeps autograd state on the
 * calling thread, so that two trainings can run side by side in one process. Knows nothing of HTTP
 * or jobs: progress leaves through a {@link org.lracademy.training.TrainingListener}.
 */
package org.lracademy.training;
